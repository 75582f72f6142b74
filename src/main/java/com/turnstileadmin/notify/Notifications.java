package com.turnstileadmin.notify;

import java.time.Clock;
import java.util.List;

/**
 * Publishes an event: writes it to the outbox, with a delivery to each destination that
 * wants it, in the caller's transaction (the audit entry's, for a change). Nothing is
 * sent here: the dispatcher sends it once the transaction has committed.
 */
public class Notifications {

    private final Outbox outbox;

    private final NotificationDestinations destinations;

    private final Clock clock;

    Notifications(Outbox outbox, NotificationDestinations destinations, Clock clock) {
        this.outbox = outbox;
        this.destinations = destinations;
        this.clock = clock;
    }

    public void publish(NotificationEvent event) {
        List<String> wanting = destinations.wanting(event);
        if (!wanting.isEmpty()) {
            outbox.add(event, EventJson.write(event), wanting, clock.instant());
        }
    }

}
