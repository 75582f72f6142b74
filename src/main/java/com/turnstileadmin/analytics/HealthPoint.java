package com.turnstileadmin.analytics;

import java.time.Instant;

/** One time bucket of a widget's chart: its start and its events. */
public record HealthPoint(Instant start, EventTotals events) {
}
