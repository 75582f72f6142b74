package com.turnstileadmin.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;

/**
 * When a refused delivery is tried again: by default 10 s after the first attempt,
 * doubling to at most 10 minutes, each wait cut by a random part of up to a half (jitter,
 * so that the deliveries a receiver's outage piled up do not all return at once); as long
 * as the receiver asks ({@code Retry-After}), however long; never after the delivery is
 * older than the give-up time. A receiver down for an hour therefore has every event
 * within 10 minutes of coming back.
 */
final class Backoff {

    private final Duration first;

    private final Duration longest;

    private final Duration giveUpAfter;

    private final DoubleSupplier random;

    /**
     * @param random uniform in [0, 1)
     */
    Backoff(NotificationProperties.Retry retry, Duration giveUpAfter, DoubleSupplier random) {
        this.first = retry.first();
        this.longest = retry.longest();
        this.giveUpAfter = giveUpAfter;
        this.random = random;
    }

    /**
     * @param attempts the attempts made, this one included
     * @return when to try again, or {@code null} to give up
     */
    @Nullable Instant next(Instant createdAt, int attempts, @Nullable Duration retryAfter, Instant now) {
        Instant deadline = createdAt.plus(giveUpAfter);
        if (retryAfter != null) {
            // As long as asked; a last attempt at the deadline if that is sooner.
            Instant asked = now.plus(retryAfter);
            return now.isBefore(deadline) ? (asked.isAfter(deadline) ? deadline : asked) : null;
        }
        long doubled = first.toMillis() << Math.min(attempts - 1, 20);
        long capped = Math.min(doubled, longest.toMillis());
        Instant next = now.plus(Duration.ofMillis((long) (capped * (0.5 + random.getAsDouble() / 2))));
        return next.isAfter(deadline) ? null : next;
    }

}
