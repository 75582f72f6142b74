package com.turnstileadmin.widget;

import com.turnstileadmin.audit.AuditEntry;

/**
 * A widget Cloudflare no longer has, whose delete outside the dashboard the reconciler
 * recorded: its page says who deleted it and when, and that it cannot be brought back.
 */
public final class WidgetDeletedOutsideException extends RuntimeException {

    private final transient AuditEntry deletion;

    public WidgetDeletedOutsideException(AuditEntry deletion, CloudflareApiException notFound) {
        super("Widget " + deletion.sitekey() + " was deleted outside the dashboard", notFound);
        this.deletion = deletion;
    }

    /** The audit trail's entry of the delete. */
    public AuditEntry deletion() {
        return deletion;
    }

}
