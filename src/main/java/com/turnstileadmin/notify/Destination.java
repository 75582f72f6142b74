package com.turnstileadmin.notify;

import com.turnstileadmin.account.AccountId;
import java.util.Set;

/**
 * Where notifications go, and which: the event types and accounts it receives (empty: all
 * of them).
 *
 * @param id stable across restarts: what its deliveries in the outbox name ({@code
 * webhooks[0]} for one from configuration)
 * @param target what the delivery log shows of it: the URL's host and path, or the e-mail
 * addresses; never a secret
 */
public record Destination(String id, Kind kind, String target, Set<EventType> events, Set<AccountId> accounts,
        Channel channel) {

    public enum Kind {

        WEBHOOK, SLACK, TEAMS, EMAIL

    }

    public Destination {
        events = Set.copyOf(events);
        accounts = Set.copyOf(accounts);
    }

    /** Whether it receives the event; a test event only by its own "send test". */
    public boolean wants(NotificationEvent event) {
        return event.type() != EventType.TEST && (events.isEmpty() || events.contains(event.type()))
                && (accounts.isEmpty() || accounts.contains(new AccountId(event.account().id())));
    }

}
