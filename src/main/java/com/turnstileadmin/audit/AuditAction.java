package com.turnstileadmin.audit;

/** What was done, or tried, to a widget. */
public enum AuditAction {

    CREATE, UPDATE, DELETE, ROTATE_SECRET, REVEAL_SECRET,

    /**
     * A change made outside the dashboard acknowledged as it is (a revert is an
     * {@link #UPDATE}).
     */
    KEEP_OUTSIDE_CHANGE;

    /**
     * The key of what the pages and the CSV call it in {@code messages.properties}:
     * {@code audit.action.UPDATE}.
     */
    public String labelKey() {
        return "audit.action." + name();
    }

}
