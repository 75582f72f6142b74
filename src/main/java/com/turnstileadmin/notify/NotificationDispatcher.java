package com.turnstileadmin.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox holds: claims the deliveries due (one replica each, however many
 * run), sends each through its destination's channel, and records the outcome: delivered,
 * due again later ({@link Backoff}), or failed after the give-up time. A delivery whose
 * destination is no longer configured fails at once, saying so.
 */
public class NotificationDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

    /** The deliveries one pass claims. */
    static final int BATCH = 20;

    /**
     * How long a claimed delivery is held: longer than a send can take (connect, request
     * timeouts), after which another replica may send it.
     */
    static final Duration LEASE = Duration.ofMinutes(2);

    private final Outbox outbox;

    private final NotificationDestinations destinations;

    private final Backoff backoff;

    private final Clock clock;

    private final MeterProvider<Counter> attempts;

    NotificationDispatcher(Outbox outbox, NotificationDestinations destinations, Backoff backoff, Clock clock,
            MeterRegistry meters) {
        this.outbox = outbox;
        this.destinations = destinations;
        this.backoff = backoff;
        this.clock = clock;
        this.attempts = Counter.builder("turnstile.notifications.attempts")
            .description("Attempts to send a notification, by destination kind and outcome")
            .withRegistry(meters);
    }

    /** One pass: every delivery due, in batches. The number of attempts made. */
    public int dispatchDue() {
        int made = 0;
        List<Outbox.Claimed> batch;
        do {
            Instant now = clock.instant();
            batch = outbox.claim(now, now.plus(LEASE), BATCH);
            for (Outbox.Claimed delivery : batch) {
                send(delivery);
                made++;
            }
        }
        while (batch.size() == BATCH);
        return made;
    }

    private void send(Outbox.Claimed delivery) {
        Optional<Destination> destination = destinations.find(delivery.destination());
        if (destination.isEmpty()) {
            outbox.attempted(delivery, SendResult.unreachable("The destination is no longer configured"),
                    clock.instant(), null);
            return;
        }
        NotificationEvent event = EventJson.read(delivery.payload());
        SendResult result;
        try {
            result = destination.get().channel().send(event, delivery.payload());
        }
        catch (RuntimeException e) {
            // A bug of ours, not the receiver's: retried like a refusal, and logged.
            log.error("Could not send event {} to {}", event.id(), delivery.destination(), e);
            result = SendResult.unreachable(e.getClass().getSimpleName());
        }
        Instant now = clock.instant();
        Instant next = result.delivered() || result.permanent() ? null
                : backoff.next(delivery.createdAt(), delivery.attempts() + 1, result.retryAfter(), now);
        outbox.attempted(delivery, result, now, next);
        String outcome = result.delivered() ? "delivered" : next == null ? "failed" : "retried";
        attempts.withTags("kind", destination.get().kind().name().toLowerCase(Locale.ROOT), "outcome", outcome)
            .increment();
        if (!result.delivered()) {
            log.info("Notification {} ({}) to {} not delivered (attempt {}, status {}): {}", event.id(),
                    event.type().wireName(), delivery.destination(), delivery.attempts() + 1, result.status(),
                    next == null ? "failed, given up" : "next attempt at " + next);
        }
    }

}
