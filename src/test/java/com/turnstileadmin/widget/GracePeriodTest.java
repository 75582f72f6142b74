package com.turnstileadmin.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GracePeriodTest {

    private static final Instant ROTATED = Instant.parse("2026-03-01T12:30:00Z");

    @Test
    void theGracePeriodEndsTwoHoursAfterARotationThatKeptThePreviousSecret() {
        assertThat(GracePeriod.end(ROTATED, false, ROTATED.plusSeconds(60)))
            .contains(Instant.parse("2026-03-01T14:30:00Z"));
    }

    @Test
    void aRotationThatInvalidatedThePreviousSecretHasNone() {
        assertThat(GracePeriod.end(ROTATED, true, ROTATED.plusSeconds(60))).isEmpty();
    }

    @Test
    void aGracePeriodThatHasEndedIsNone() {
        assertThat(GracePeriod.end(ROTATED, false, ROTATED.plus(Duration.ofHours(2)))).isEmpty();
        assertThat(GracePeriod.end(ROTATED, false, ROTATED.plus(Duration.ofHours(2)).minusMillis(1))).isPresent();
    }

}
