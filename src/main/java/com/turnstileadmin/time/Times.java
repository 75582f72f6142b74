package com.turnstileadmin.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Times as the pages show them: readable ("3 hours ago", "12 Mar 2025") with the exact
 * UTC time for a tooltip. Templates reach it as {@code @times}.
 */
@Component("times")
public class Times {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
        .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter EXACT = DateTimeFormatter
        .ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ENGLISH)
        .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ENGLISH)
        .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter
        .ofPattern("d MMM, HH:mm 'UTC'", Locale.ENGLISH)
        .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter READABLE = DateTimeFormatter
        .ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", Locale.ENGLISH)
        .withZone(ZoneOffset.UTC);

    /**
     * An ISO-8601 instant as Cloudflare writes them into its messages:
     * 2026-12-04T20:18:28.829637Z.
     */
    private static final Pattern ISO_INSTANT = Pattern
        .compile("\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?(?:Z|[+-]\\d{2}:\\d{2})");

    private final Clock clock;

    public Times(Clock clock) {
        this.clock = clock;
    }

    /**
     * All three forms at once, for a page that shows many times (the widget list's rows).
     */
    public ShownTime shown(Instant time) {
        return new ShownTime(iso(time), exact(time), relative(time));
    }

    public String relative(Instant time) {
        Duration age = Duration.between(time, clock.instant());
        if (age.isNegative() || age.toSeconds() < 60) {
            return "just now";
        }
        if (age.toMinutes() < 60) {
            // "min", not "minutes": the widget list's two time columns hold their longest
            // text.
            return age.toMinutes() + " min ago";
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

    /**
     * The time of day, for a time within hours of now: "14:32 UTC", with the day when it
     * is not today's (in UTC, as the text is): "5 Dec, 00:18 UTC". Pages rewrite it to
     * the viewer's time zone (local-time.js).
     */
    public String timeOfDay(Instant time) {
        boolean today = time.atZone(ZoneOffset.UTC)
            .toLocalDate()
            .equals(clock.instant().atZone(ZoneOffset.UTC).toLocalDate());
        return (today ? TIME_OF_DAY : DAY_AND_TIME).format(time);
    }

    /**
     * {@link #readableInstants} for templates: entries recorded before their times were
     * written readably.
     */
    public String readable(String text) {
        return readableInstants(text);
    }

    /**
     * A text with every ISO-8601 instant in it as a person would write it: "valid until
     * 2026-12-04T20:18:28.829637Z" becomes "valid until 4 Dec 2026, 20:18:28 UTC". For
     * Cloudflare's messages.
     */
    public static String readableInstants(String text) {
        return ISO_INSTANT.matcher(text).replaceAll(match -> {
            try {
                return Matcher.quoteReplacement(READABLE.format(OffsetDateTime.parse(match.group()).toInstant()));
            }
            catch (DateTimeParseException notATime) {
                return match.group();
            }
        });
    }

    /** The ISO-8601 form for a {@code <time datetime>} attribute. */
    public String iso(Instant time) {
        return time.toString();
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

}
