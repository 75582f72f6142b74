package com.turnstileadmin.reconcile;

import com.turnstileadmin.account.AccountId;
import java.time.Instant;
import java.util.List;

/**
 * An account's audit logs at Cloudflare (v2, "Account Settings Read"): who changed its
 * widgets, however they did. Throws as the widget API does
 * ({@link com.turnstileadmin.widget.CloudflareApiException} when refused, a 403 without
 * the permission).
 */
public interface AccountAuditLogs {

    /**
     * The entries about Turnstile widgets in [since, before), oldest first, but those
     * made with the dashboard's own credentials (never an outside change): at most
     * {@code maxCalls} calls, pages of 1,000.
     */
    Read widgetEntries(AccountId account, Instant since, Instant before, int maxCalls);

    /** The entries read, and the calls it took. */
    record Read(List<AuditLogEntry> entries, int calls) {

        public Read {
            entries = List.copyOf(entries);
        }

    }

}
