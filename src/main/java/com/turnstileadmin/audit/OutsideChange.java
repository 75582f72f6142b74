package com.turnstileadmin.audit;

import com.turnstileadmin.account.AccountId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A change the reconciler found at Cloudflare that this dashboard did not make, to be
 * recorded in the audit trail as someone else's ({@link ActorKind#OUTSIDE}).
 *
 * @param occurredAt when Cloudflare says it happened (the widget's {@code modified_on}),
 * or when it was found, for a delete
 * @param changes for an update, the settings it changed; for a create, its settings
 * @param via the channel Cloudflare names ({@code last_modified_via}), if it does
 * @param actor who made it, when the account's audit logs name them
 * @param invalidateImmediately for a rotation, the choice made, where the audit logs say;
 * {@code null} otherwise (a grace period is then assumed)
 */
public record OutsideChange(AccountId account, AuditAction action, String sitekey, String widgetName,
        Instant occurredAt, List<FieldChange> changes, @Nullable String via, @Nullable OutsideActor actor,
        Attribution attribution, @Nullable Boolean invalidateImmediately) {

    public OutsideChange {
        changes = List.copyOf(changes);
    }

    /** A change nobody is named for yet. */
    public OutsideChange(AccountId account, AuditAction action, String sitekey, String widgetName, Instant occurredAt,
            List<FieldChange> changes, @Nullable String via) {
        this(account, action, sitekey, widgetName, occurredAt, changes, via, null, Attribution.UNNAMED, null);
    }

    /** The same change, dated {@code when}. */
    public OutsideChange at(Instant when) {
        return new OutsideChange(account, action, sitekey, widgetName, when, changes, via, actor, attribution,
                invalidateImmediately);
    }

    /** The same change, put to a name or said why not. */
    public OutsideChange attributed(@Nullable OutsideActor named, Attribution how) {
        return new OutsideChange(account, action, sitekey, widgetName, occurredAt, changes, via, named, how,
                invalidateImmediately);
    }

    /** The same rotation, with the choice its audit log entry gives. */
    public OutsideChange invalidating(@Nullable Boolean immediately) {
        return new OutsideChange(account, action, sitekey, widgetName, occurredAt, changes, via, actor, attribution,
                immediately);
    }

}
