package com.turnstileadmin.sandbox;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The dimensions of {@code turnstileAdaptiveGroups}, as the schema names them, and where
 * the sandbox takes each one's value from: the widget, the event type, the widget's fixed
 * spread of visitors, or the time slot (truncated to the bucket's length).
 */
enum Dimension {

    SITE_KEY("siteKey", Source.WIDGET, 0), EVENT_TYPE("eventType", Source.EVENT, 0), ACTION("action", Source.SPREAD, 0),
    HOSTNAME("hostname", Source.SPREAD, 0), BROWSER_NAME("browserName", Source.SPREAD, 0),
    OS_NAME("osName", Source.SPREAD, 0), ASN("asn", Source.SPREAD, 0),
    CLIENT_COUNTRY_NAME("clientCountryName", Source.SPREAD, 0), DATE("date", Source.TIME, 86_400),
    DATETIME("datetime", Source.TIME, TrafficModel.SLOT_SECONDS), DATETIME_HOUR("datetimeHour", Source.TIME, 3_600),
    DATETIME_FIFTEEN_MINUTES("datetimeFifteenMinutes", Source.TIME, TrafficModel.SLOT_SECONDS);

    /** Where a dimension's value comes from. */
    enum Source {

        WIDGET, EVENT, SPREAD, TIME

    }

    static final List<Dimension> ALL = List.of(values());

    private static final Map<String, Dimension> BY_NAME = Arrays.stream(values())
        .collect(Collectors.toUnmodifiableMap(Dimension::fieldName, Function.identity()));

    private final String fieldName;

    private final Source source;

    private final long bucketSeconds;

    Dimension(String fieldName, Source source, long bucketSeconds) {
        this.fieldName = fieldName;
        this.source = source;
        this.bucketSeconds = bucketSeconds;
    }

    /** The field's name in the schema, e.g. {@code clientCountryName}. */
    String fieldName() {
        return fieldName;
    }

    Source source() {
        return source;
    }

    /**
     * For a time dimension, the length of its buckets in seconds ({@code datetime} is the
     * slot's start, so it buckets as finely as the data goes).
     */
    long bucketSeconds() {
        return bucketSeconds;
    }

    static Optional<Dimension> named(String fieldName) {
        return Optional.ofNullable(BY_NAME.get(fieldName));
    }

}
