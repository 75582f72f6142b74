package com.turnstileadmin.notify;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.account.CloudflareAccount;
import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.audit.ActorKind;
import com.turnstileadmin.audit.AuditAction;
import com.turnstileadmin.audit.AuditEntry;
import com.turnstileadmin.audit.AuditListener;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.web.WidgetPaths;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The events of the audit trail's entries, published in the transaction that stores each:
 * a change made here (created, updated, deleted, rotated, revealed), a rotation
 * Cloudflare refused, and any change found made outside. A kept outside change and the
 * other refusals are not events.
 */
class AuditNotifications implements AuditListener {

    private final Notifications notifications;

    private final CloudflareAccounts accounts;

    /** The dashboard's address without a trailing slash, before each page's path. */
    private final String dashboard;

    AuditNotifications(Notifications notifications, CloudflareAccounts accounts, URI dashboardUrl) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.dashboard = dashboardUrl.toString().replaceAll("/+$", "");
    }

    @Override
    public void recorded(AuditEntry entry) {
        of(entry).ifPresent(notifications::publish);
    }

    Optional<NotificationEvent> of(AuditEntry entry) {
        Optional<EventType> type = typeOf(entry);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        AccountId account = new AccountId(entry.accountId());
        String accountName = accounts.find(account).map(CloudflareAccount::displayName).orElse(entry.accountId());
        NotificationEvent.WidgetRef widget = entry.sitekey() == null ? null
                : new NotificationEvent.WidgetRef(entry.widgetName() == null ? entry.sitekey() : entry.widgetName(),
                        entry.sitekey(), link(account, entry.sitekey()));
        boolean outside = entry.actorKind() == ActorKind.OUTSIDE;
        return Optional.of(new NotificationEvent("evt_" + UUID.randomUUID().toString().replace("-", ""), type.get(),
                entry.occurredAt(), new NotificationEvent.Account(entry.accountId(), accountName), widget,
                new NotificationEvent.Actor(entry.actorName(), outside ? "outside" : "user", entry.via()),
                outside ? outsideAction(entry.action()) : null,
                entry.changes()
                    .stream()
                    .map(change -> new NotificationEvent.Change(change.field(), change.oldValue(), change.newValue()))
                    .toList(),
                entry.action() == AuditAction.ROTATE_SECRET ? entry.invalidateImmediately() : null,
                entry.succeeded() ? null : entry.error()));
    }

    private static Optional<EventType> typeOf(AuditEntry entry) {
        if (!entry.succeeded()) {
            return entry.action() == AuditAction.ROTATE_SECRET ? Optional.of(EventType.ROTATION_REFUSED)
                    : Optional.empty();
        }
        if (entry.actorKind() == ActorKind.OUTSIDE) {
            return Optional.of(EventType.CHANGED_OUTSIDE);
        }
        return Optional.ofNullable(switch (entry.action()) {
            case CREATE -> EventType.WIDGET_CREATED;
            case UPDATE -> EventType.WIDGET_UPDATED;
            case DELETE -> EventType.WIDGET_DELETED;
            case ROTATE_SECRET -> EventType.SECRET_ROTATED;
            case REVEAL_SECRET -> EventType.SECRET_REVEALED;
            case KEEP_OUTSIDE_CHANGE -> null;
        });
    }

    private static String outsideAction(AuditAction action) {
        return switch (action) {
            case CREATE -> "created";
            case UPDATE -> "updated";
            case DELETE -> "deleted";
            case ROTATE_SECRET -> "secret_rotated";
            default -> action.name().toLowerCase(Locale.ROOT);
        };
    }

    private String link(AccountId account, String sitekey) {
        try {
            return dashboard + WidgetPaths.details(account, new Sitekey(sitekey));
        }
        catch (IllegalArgumentException notASitekey) {
            return dashboard + WidgetPaths.list(account);
        }
    }

}
