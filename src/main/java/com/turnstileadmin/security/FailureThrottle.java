package com.turnstileadmin.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Failed attempts per key (a user name, or a client address), with a lockout that
 * doubles: after {@code maxFailures} failures in a row the key is locked for
 * {@code firstLockout}, and each further failure locks it for twice as long as the one
 * before, up to {@code maxLockout}. A success forgets the key, and so does a time without
 * failures. Keys live in a Caffeine cache bounded in size, so that an attacker who makes
 * up keys evicts old ones rather than filling the memory. Time is the clock's, so that a
 * test can step past a lockout.
 */
final class FailureThrottle {

    /** What is known of a key: failures in a row, and until when it is locked. */
    private record Failures(int count, Instant lockedUntil) {
    }

    private final Cache<String, Failures> failures;

    private final int maxFailures;

    private final Duration firstLockout;

    private final Duration maxLockout;

    private final Clock clock;

    FailureThrottle(int maxFailures, SignInThrottleProperties settings, Clock clock) {
        this.maxFailures = maxFailures;
        this.firstLockout = settings.firstLockout();
        this.maxLockout = settings.maxLockout();
        this.clock = clock;
        this.failures = Caffeine.newBuilder()
            .maximumSize(settings.trackedKeys())
            .expireAfterWrite(settings.forgetAfter())
            .ticker(() -> clock.millis() * 1_000_000)
            .build();
    }

    /** How much longer the key is locked; zero when it is not. */
    Duration lockedFor(String key) {
        Failures known = failures.getIfPresent(key);
        return known == null ? Duration.ZERO : remaining(known.lockedUntil());
    }

    /** Counts a failure of the key; returns how long it is locked now (zero: not yet). */
    Duration failed(String key) {
        Instant now = clock.instant();
        Failures counted = failures.asMap().compute(key, (ignored, known) -> {
            int count = known == null ? 1 : known.count() + 1;
            return new Failures(count, count < maxFailures ? now : now.plus(lockout(count)));
        });
        return remaining(counted.lockedUntil());
    }

    /** A success: the key starts again from no failure. */
    void succeeded(String key) {
        failures.invalidate(key);
    }

    /**
     * How many keys it remembers now: never more than the tracked keys, once evictions
     * are done.
     */
    long tracked() {
        failures.cleanUp();
        return failures.estimatedSize();
    }

    /**
     * The first lockout at the count that reaches the limit, doubled for each failure
     * after it.
     */
    private Duration lockout(int count) {
        int doublings = Math.min(count - maxFailures, 30);
        Duration lockout = firstLockout.multipliedBy(1L << doublings);
        return lockout.compareTo(maxLockout) > 0 ? maxLockout : lockout;
    }

    private Duration remaining(Instant lockedUntil) {
        Duration remaining = Duration.between(clock.instant(), lockedUntil);
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }

}
