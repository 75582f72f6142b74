package com.turnstileadmin.audit;

/**
 * Filters the tests use; the app itself always builds its filter from the page's
 * parameters.
 */
public final class AuditFilters {

    /** Every entry of the account. */
    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null);

    private AuditFilters() {
    }

}
