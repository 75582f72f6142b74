package com.turnstileadmin.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The waits between attempts, with the jitter at both ends of its range. */
class BackoffTest {

    private static final Instant CREATED = Instant.parse("2026-12-07T10:00:00Z");

    private static final NotificationProperties.Retry DEFAULTS = new NotificationProperties.Retry(
            Duration.ofSeconds(10), Duration.ofMinutes(10));

    @Test
    void theWaitDoublesFromTenSecondsToTenMinutesCutByUpToAHalf() {
        Backoff longest = new Backoff(DEFAULTS, Duration.ofHours(24), () -> 0.999999);
        Backoff shortest = new Backoff(DEFAULTS, Duration.ofHours(24), () -> 0.0);

        assertThat(wait(longest, 1)).isEqualTo(Duration.ofMillis(9999));
        assertThat(wait(shortest, 1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(wait(shortest, 2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(wait(shortest, 4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(wait(shortest, 7)).isEqualTo(Duration.ofMinutes(5));
        assertThat(wait(shortest, 60)).isEqualTo(Duration.ofMinutes(5));
        assertThat(wait(longest, 60)).isBetween(Duration.ofSeconds(599), Duration.ofMinutes(10));
    }

    @Test
    void aReceiverThatAsksToWaitIsLeftAloneThatLongButTheLastAttemptIsAtTheDeadline() {
        Backoff backoff = new Backoff(DEFAULTS, Duration.ofHours(24), () -> 0.5);
        Instant now = CREATED.plus(Duration.ofHours(1));

        assertThat(backoff.next(CREATED, 3, Duration.ofMinutes(30), now)).isEqualTo(now.plus(Duration.ofMinutes(30)));
        assertThat(backoff.next(CREATED, 3, Duration.ofHours(30), now)).isEqualTo(CREATED.plus(Duration.ofHours(24)));
        assertThat(backoff.next(CREATED, 3, Duration.ofMinutes(1), CREATED.plus(Duration.ofHours(24)))).isNull();
    }

    @Test
    void afterTheGiveUpTimeThereIsNoNextAttempt() {
        Backoff backoff = new Backoff(DEFAULTS, Duration.ofHours(24), () -> 0.5);

        assertThat(backoff.next(CREATED, 150, null, CREATED.plus(Duration.ofHours(23).plusMinutes(50)))).isNotNull();
        assertThat(backoff.next(CREATED, 150, null, CREATED.plus(Duration.ofHours(23).plusMinutes(59)))).isNull();
    }

    private static Duration wait(Backoff backoff, int attempts) {
        Instant now = CREATED.plusSeconds(1);
        return Duration.between(now, backoff.next(CREATED, attempts, null, now));
    }

}
