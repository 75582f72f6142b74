package com.turnstileadmin.notify;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One thing a team hears about: what happened, in which account, to which widget, by
 * whom, when, and for a change the settings before and after. Never a secret, never a
 * token. Its JSON ({@link EventJson}) is what a webhook receives and what the outbox
 * keeps.
 *
 * @param id unique and stable across retries: the Standard Webhooks {@code webhook-id} by
 * which a receiver drops a duplicate
 * @param widget {@code null} for an event about the account
 * @param actor {@code null} for an event the dashboard itself noticed
 * @param action for {@code widget.changed_outside}, what was done: {@code created},
 * {@code updated}, {@code deleted} or {@code secret_rotated}; {@code null} otherwise
 * @param invalidateImmediately for a rotation, the choice made, where known
 * @param detail a sentence for what the fields do not say (a threshold crossed, the error
 * of a refusal); {@code null} if none
 */
public record NotificationEvent(String id, EventType type, Instant occurredAt, Account account,
        @Nullable WidgetRef widget, @Nullable Actor actor, @Nullable String action, List<Change> changes,
        @Nullable Boolean invalidateImmediately, @Nullable String detail) {

    public NotificationEvent {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    public record Account(String id, String name) {
    }

    /**
     * @param url the widget's page in this dashboard
     */
    public record WidgetRef(String name, String sitekey, String url) {
    }

    /**
     * @param kind {@code user} (of this dashboard) or {@code outside} (found at
     * Cloudflare)
     * @param via for a change made outside, the channel Cloudflare names
     */
    public record Actor(String name, String kind, @Nullable String via) {
    }

    public record Change(String field, @Nullable String before, @Nullable String after) {
    }

}
