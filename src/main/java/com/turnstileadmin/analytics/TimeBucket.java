package com.turnstileadmin.analytics;

import java.time.Duration;

/** The time buckets a query can count events in, each one of the dataset's dimensions. */
public enum TimeBucket {

    FIFTEEN_MINUTES("datetimeFifteenMinutes", Duration.ofMinutes(15)), HOUR("datetimeHour", Duration.ofHours(1)),
    DAY("date", Duration.ofDays(1));

    private final String dimension;

    private final Duration length;

    TimeBucket(String dimension, Duration length) {
        this.dimension = dimension;
        this.length = length;
    }

    /** The dimension's name, e.g. {@code datetimeHour}. */
    public String dimension() {
        return dimension;
    }

    public Duration length() {
        return length;
    }

}
