package com.turnstileadmin.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.sandbox.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The lockout rule, and the bound on what it remembers. */
class FailureThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T08:00:00Z"));

    private final SignInThrottleProperties settings = new SignInThrottleProperties(3, 20, Duration.ofMinutes(1),
            Duration.ofMinutes(5), Duration.ofHours(1), 100);

    private final FailureThrottle throttle = new FailureThrottle(3, settings, clock);

    @Test
    void theLockoutStartsAtTheLimitAndDoublesUpToTheLongest() {
        assertThat(throttle.failed("dana")).isZero();
        assertThat(throttle.failed("dana")).isZero();
        assertThat(throttle.failed("dana")).isEqualTo(Duration.ofMinutes(1));
        assertThat(throttle.failed("dana")).isEqualTo(Duration.ofMinutes(2));
        assertThat(throttle.failed("dana")).isEqualTo(Duration.ofMinutes(4));
        assertThat(throttle.failed("dana")).isEqualTo(Duration.ofMinutes(5));

        clock.advance(Duration.ofMinutes(3));
        assertThat(throttle.lockedFor("dana")).isEqualTo(Duration.ofMinutes(2));
        assertThat(throttle.lockedFor("erin")).as("another key").isZero();
    }

    @Test
    void aSuccessOrAnHourWithoutFailuresForgetsTheFailures() {
        throttle.failed("dana");
        throttle.failed("dana");
        throttle.succeeded("dana");
        assertThat(throttle.failed("dana")).as("counted from one again").isZero();

        throttle.failed("erin");
        throttle.failed("erin");
        clock.advance(Duration.ofMinutes(61));
        assertThat(throttle.failed("erin")).as("forgotten").isZero();
    }

    @Test
    void madeUpKeysWithoutEndFillNoMoreThanTheTrackedKeys() {
        for (int i = 0; i < 10_000; i++) {
            throttle.failed("made-up-" + i);
        }

        assertThat(throttle.tracked()).isLessThanOrEqualTo(100);
    }

}
