package com.turnstileadmin.benchmark;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.convert.DurationStyle;

/**
 * What the load benchmark does, from system properties ({@code -Dbenchmark.users=20} on
 * the Maven command line), each with the default of issue 5's budgets.
 *
 * @param users concurrent users ({@code benchmark.users}); default 50
 * @param latency added to every answer of the upstream API ({@code benchmark.latency});
 * default 50 ms
 * @param thinkTime a user's mean pause between two page views, drawn from 0.5 to 1.5
 * times it ({@code benchmark.thinkTime}); default 1 s. {@code 0} measures a saturated
 * machine instead
 * @param warmUp load before the measurement starts, for the JIT and the pools
 * ({@code benchmark.warmUp}); default 30 s
 * @param duration the measured load ({@code benchmark.duration}); default 60 s
 * @param jvmOptions the app's {@code JAVA_TOOL_OPTIONS} ({@code benchmark.jvmOptions});
 * default the Dockerfile's
 * @param maxRam the memory the app's JVM believes it has ({@code benchmark.maxRam}),
 * standing for the Compose file's container limit; default 512m, empty for the machine's
 * @param store {@code auto} (PostgreSQL at 127.0.0.1:5432 when it answers, else H2),
 * {@code postgres} or {@code h2} ({@code benchmark.store})
 * @param analytics whether users load the sparklines and health panels as a browser does
 * ({@code benchmark.analytics}); default true, false to measure the pages as before them
 */
record LoadSettings(int users, Duration latency, Duration thinkTime, Duration warmUp, Duration duration,
        @Nullable String jvmOptions, String maxRam, String store, boolean analytics) {

    static LoadSettings fromSystemProperties() {
        return new LoadSettings(Integer.parseInt(System.getProperty("benchmark.users", "50")),
                duration("benchmark.latency", "50ms"), duration("benchmark.thinkTime", "1s"),
                duration("benchmark.warmUp", "30s"), duration("benchmark.duration", "60s"),
                blankToNull(System.getProperty("benchmark.jvmOptions")), System.getProperty("benchmark.maxRam", "512m"),
                System.getProperty("benchmark.store", "auto"),
                Boolean.parseBoolean(System.getProperty("benchmark.analytics", "true")));
    }

    LoadSettings {
        if (users < 1) {
            throw new IllegalArgumentException("benchmark.users must be at least 1");
        }
        if (duration.isZero() || duration.isNegative() || warmUp.isNegative() || latency.isNegative()
                || thinkTime.isNegative()) {
            throw new IllegalArgumentException("benchmark durations must not be negative, and duration not zero");
        }
        if (!store.equals("auto") && !store.equals("postgres") && !store.equals("h2")) {
            throw new IllegalArgumentException("benchmark.store must be auto, postgres or h2");
        }
    }

    private static Duration duration(String property, String defaultValue) {
        return DurationStyle.detectAndParse(System.getProperty(property, defaultValue));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
