package com.turnstileadmin.audit;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.security.SignedInUser;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What someone set out to do to a widget, to be recorded once it is known how it ended
 * ({@link AuditTrail#succeeded}, {@link AuditTrail#failed}).
 *
 * @param sitekey {@code null} for a create, until Cloudflare gives the widget one
 * @param widgetName {@code null} when not known (a delete of a widget that was never
 * read)
 * @param invalidateImmediately the choice made for a rotation; {@code null} for other
 * actions
 * @param changes for an update, the settings it changes; empty otherwise
 */
public record Attempt(SignedInUser actor, AccountId account, AuditAction action, @Nullable String sitekey,
        @Nullable String widgetName, @Nullable Boolean invalidateImmediately, List<FieldChange> changes) {

    public Attempt {
        changes = List.copyOf(changes);
    }

    /** An attempt with no rotation choice and no changes: create, delete, reveal. */
    public static Attempt of(SignedInUser actor, AccountId account, AuditAction action, @Nullable String sitekey,
            @Nullable String widgetName) {
        return new Attempt(actor, account, action, sitekey, widgetName, null, List.of());
    }

    /**
     * The same attempt, now about the widget Cloudflare answered with (a create's new
     * sitekey, say).
     */
    public Attempt about(String sitekey, String widgetName) {
        return new Attempt(actor, account, action, sitekey, widgetName, invalidateImmediately, changes);
    }
}
