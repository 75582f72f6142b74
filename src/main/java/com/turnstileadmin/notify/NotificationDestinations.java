package com.turnstileadmin.notify;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every destination notifications go to: from configuration, each named by its list and
 * index ({@code webhooks[0]}), which its deliveries in the outbox keep.
 */
public class NotificationDestinations {

    private final Map<String, Destination> byId = new LinkedHashMap<>();

    NotificationDestinations(NotificationProperties properties, Clock clock) {
        List<NotificationProperties.Webhook> webhooks = properties.webhooks();
        for (int i = 0; i < webhooks.size(); i++) {
            NotificationProperties.Webhook webhook = webhooks.get(i);
            String setting = "NOTIFICATIONS_WEBHOOKS_" + i + "_";
            add(new Destination("webhooks[" + i + "]", Destination.Kind.WEBHOOK, DestinationUrls.shown(webhook.url()),
                    EventFilter.of(webhook.events(), setting + "EVENTS"),
                    EventFilter.accounts(webhook.accounts(), setting + "ACCOUNTS"),
                    new WebhookChannel(webhook.url(), webhook.secret(), clock)));
        }
    }

    private void add(Destination destination) {
        byId.put(destination.id(), destination);
    }

    public List<Destination> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Destination> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The ids of the destinations that receive the event. */
    List<String> wanting(NotificationEvent event) {
        List<String> ids = new ArrayList<>();
        byId.values().stream().filter(destination -> destination.wants(event)).forEach(d -> ids.add(d.id()));
        return ids;
    }

}
