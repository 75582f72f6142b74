package com.turnstileadmin.cloudflare;

import com.turnstileadmin.analytics.AnalyticsSettings;
import com.turnstileadmin.analytics.Breakdown;
import com.turnstileadmin.analytics.EventType;
import com.turnstileadmin.analytics.TimeBucket;
import com.turnstileadmin.analytics.TrafficQuery;
import com.turnstileadmin.analytics.TrafficReport.BreakdownGroup;
import com.turnstileadmin.analytics.TrafficReport.SeriesGroup;
import com.turnstileadmin.widget.Sitekey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Between the analytics port's types and the GraphQL documents' variables and answers:
 * the only code that knows Cloudflare's field names. A value that is missing or not of
 * its shape is an {@link IllegalArgumentException} or a {@link NullPointerException},
 * which the client types as an invalid answer.
 */
final class AnalyticsMapping {

    /**
     * How {@code availableFields} names a dimension, e.g. {@code dimensions.hostname}.
     */
    private static final String DIMENSION_PREFIX = "dimensions.";

    private AnalyticsMapping() {
    }

    static AnalyticsSettings toSettings(AnalyticsPayloads.DatasetSettings settings) {
        Set<String> dimensions = Objects.requireNonNull(settings.availableFields(), "availableFields")
            .stream()
            .filter(field -> field.startsWith(DIMENSION_PREFIX))
            .map(field -> field.substring(DIMENSION_PREFIX.length()))
            .collect(Collectors.toSet());
        return new AnalyticsSettings(Boolean.TRUE.equals(settings.enabled()), dimensions,
                Duration.ofSeconds(Objects.requireNonNull(settings.maxDuration(), "maxDuration")),
                Duration.ofSeconds(Objects.requireNonNull(settings.notOlderThan(), "notOlderThan")),
                Math.toIntExact(Objects.requireNonNull(settings.maxPageSize(), "maxPageSize")));
    }

    /** The variables of {@code turnstileTraffic.graphql} for the query. */
    static Map<String, Object> trafficVariables(String accountTag, TrafficQuery query) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("accountTag", accountTag);
        variables.put("start", query.start().toString());
        variables.put("end", query.end().toString());
        // Left out rather than empty: an empty _in list matches nothing.
        if (!query.sitekeys().isEmpty()) {
            variables.put("siteKeys", query.sitekeys().stream().map(Sitekey::value).toList());
        }
        if (!query.eventTypes().isEmpty()) {
            variables.put("eventTypes", query.eventTypes().stream().map(EventType::wireName).sorted().toList());
        }
        variables.put("limit", query.limit());
        variables.put("topLimit", query.topLimit());
        variables.put("byFifteenMinutes", query.bucket() == TimeBucket.FIFTEEN_MINUTES);
        variables.put("byHour", query.bucket() == TimeBucket.HOUR);
        variables.put("byDay", query.bucket() == TimeBucket.DAY);
        variables.put("topHostnames", query.breakdowns().contains(Breakdown.HOSTNAME));
        variables.put("topActions", query.breakdowns().contains(Breakdown.ACTION));
        variables.put("topCountries", query.breakdowns().contains(Breakdown.COUNTRY));
        variables.put("topBrowsers", query.breakdowns().contains(Breakdown.BROWSER));
        variables.put("topAsns", query.breakdowns().contains(Breakdown.ASN));
        return variables;
    }

    /** The alias a breakdown's part of the traffic document has. */
    static String alias(Breakdown breakdown) {
        return switch (breakdown) {
            case HOSTNAME -> "hostnames";
            case ACTION -> "actions";
            case COUNTRY -> "countries";
            case BROWSER -> "browsers";
            case ASN -> "asns";
        };
    }

    static SeriesGroup toSeriesGroup(AnalyticsPayloads.Group group, @Nullable TimeBucket bucket) {
        AnalyticsPayloads.Dimensions dimensions = Objects.requireNonNull(group.dimensions(), "dimensions");
        return new SeriesGroup(new Sitekey(Objects.requireNonNull(dimensions.siteKey(), "siteKey")),
                eventType(dimensions), bucket == null ? null : bucketStart(dimensions, bucket), count(group),
                sampleInterval(group));
    }

    static BreakdownGroup toBreakdownGroup(AnalyticsPayloads.Group group, Breakdown breakdown) {
        AnalyticsPayloads.Dimensions dimensions = Objects.requireNonNull(group.dimensions(), "dimensions");
        String value = switch (breakdown) {
            case HOSTNAME -> dimensions.hostname();
            case ACTION -> dimensions.action();
            case COUNTRY -> dimensions.clientCountryName();
            case BROWSER -> dimensions.browserName();
            case ASN -> dimensions.asn() == null ? null : String.valueOf(dimensions.asn());
        };
        return new BreakdownGroup(Objects.requireNonNull(value, breakdown.dimension()), eventType(dimensions),
                count(group), sampleInterval(group));
    }

    private static EventType eventType(AnalyticsPayloads.Dimensions dimensions) {
        return EventType.fromWireName(Objects.requireNonNull(dimensions.eventType(), "eventType"));
    }

    private static Instant bucketStart(AnalyticsPayloads.Dimensions dimensions, TimeBucket bucket) {
        return switch (bucket) {
            case FIFTEEN_MINUTES -> Instant.parse(required(dimensions.datetimeFifteenMinutes(), bucket));
            case HOUR -> Instant.parse(required(dimensions.datetimeHour(), bucket));
            case DAY -> LocalDate.parse(required(dimensions.date(), bucket)).atStartOfDay(ZoneOffset.UTC).toInstant();
        };
    }

    private static String required(@Nullable String value, TimeBucket bucket) {
        return Objects.requireNonNull(value, bucket.dimension());
    }

    private static long count(AnalyticsPayloads.Group group) {
        long count = Objects.requireNonNull(group.count(), "count");
        if (count < 0) {
            throw new IllegalArgumentException("A count is never negative");
        }
        return count;
    }

    /** 1 when absent: Cloudflare leaves the average out of groups it did not sample. */
    private static double sampleInterval(AnalyticsPayloads.Group group) {
        Double interval = group.avg() == null ? null : group.avg().sampleInterval();
        return interval == null || interval < 1 ? 1 : interval;
    }

}
