package com.turnstileadmin.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Times as the pages show them: readable ("3 hours ago", "12 Mar 2025") with the exact UTC time for
 * a tooltip. Templates reach it as {@code @times}.
 */
@Component("times")
public class Times {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final Clock clock;

    public Times(ObjectProvider<Clock> clock) {
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** All three forms at once, for a page that shows many times (the widget list's rows). */
    public ShownTime shown(Instant time) {
        return new ShownTime(iso(time), exact(time), relative(time));
    }

    public String relative(Instant time) {
        Duration age = Duration.between(time, clock.instant());
        if (age.isNegative() || age.toSeconds() < 60) {
            return "just now";
        }
        if (age.toMinutes() < 60) {
            return plural(age.toMinutes(), "minute") + " ago";
        }
        if (age.toHours() < 24) {
            return plural(age.toHours(), "hour") + " ago";
        }
        if (age.toDays() < 30) {
            return plural(age.toDays(), "day") + " ago";
        }
        return DATE.format(time);
    }

    public String exact(Instant time) {
        return EXACT.format(time);
    }

    /** The time of day, for a time within hours of now: "14:32 UTC". */
    public String timeOfDay(Instant time) {
        return TIME_OF_DAY.format(time);
    }

    /** The ISO-8601 form for a {@code <time datetime>} attribute. */
    public String iso(Instant time) {
        return time.toString();
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
