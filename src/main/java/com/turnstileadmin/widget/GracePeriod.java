package com.turnstileadmin.widget;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The two hours after a rotation without "invalidate immediately" during which the
 * previous secret still works and Cloudflare refuses another rotation. Cloudflare's API
 * says nothing of it, so it is worked out from the last rotation this app recorded; one
 * done elsewhere is not known.
 */
final class GracePeriod {

    static final Duration LENGTH = Duration.ofHours(2);

    private GracePeriod() {
    }

    /**
     * When the grace period of a rotation ends, if that is still ahead at {@code now}.
     * The rotation is recorded once Cloudflare has answered, a moment after it happened
     * there, so the end given is that moment late rather than early: the rotate button
     * comes back only once Cloudflare allows it.
     * @param invalidateImmediately a rotation that invalidated the previous secret has no
     * grace period, and ends any that was running
     */
    static Optional<Instant> end(Instant rotatedAt, boolean invalidateImmediately, Instant now) {
        if (invalidateImmediately) {
            return Optional.empty();
        }
        Instant end = rotatedAt.plus(LENGTH);
        return end.isAfter(now) ? Optional.of(end) : Optional.empty();
    }

}
