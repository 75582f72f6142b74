package com.turnstileadmin.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimesTest {

    private static final Instant NOW = Instant.parse("2025-03-12T10:00:00Z");

    private final Times times = new Times(Clock.fixed(NOW, ZoneOffset.UTC));

    @ParameterizedTest
    @CsvSource({ "PT0S, just now", "PT59S, just now", "-PT5M, just now", "PT1M, 1 min ago", "PT59M59S, 59 min ago",
            "PT1H, 1 hour ago", "PT5H, 5 hours ago", "PT23H59M, 23 hours ago", "P1D, 1 day ago", "P3D, 3 days ago",
            "P29DT23H, 29 days ago", "P30D, 10 Feb 2025", "P400D, 6 Feb 2024" })
    void recentTimesAreSaidHowLongAgoAndOlderOnesByDate(Duration age, String shown) {
        assertThat(times.relative(NOW.minus(age))).isEqualTo(shown);
    }

    @Test
    void datesAndExactTimesAreInUtc() {
        Instant lateInTheEvening = Instant.parse("2025-01-31T23:30:05.789Z");

        assertThat(times.relative(lateInTheEvening)).isEqualTo("31 Jan 2025");
        assertThat(times.exact(lateInTheEvening)).isEqualTo("2025-01-31 23:30:05 UTC");
    }

}
