package com.turnstileadmin.analytics;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The ranges the pages show, each ending now, with the bucket their chart counts per.
 * Cloudflare keeps 7 days on Free plans and 30 on Enterprise: an account is offered the
 * windows its history covers ({@link AnalyticsSettings#notOlderThan()}).
 */
public enum AnalyticsWindow {

    LAST_24_HOURS("24h", "24 hours", Duration.ofHours(24), TimeBucket.HOUR),
    LAST_7_DAYS("7d", "7 days", Duration.ofDays(7), TimeBucket.HOUR),
    LAST_30_DAYS("30d", "30 days", Duration.ofDays(30), TimeBucket.DAY);

    /** History is cut at whole minutes: a window may start up to this much late. */
    static final Duration SLACK = Duration.ofMinutes(2);

    private final String key;

    private final String label;

    private final Duration length;

    private final TimeBucket bucket;

    AnalyticsWindow(String key, String label, Duration length, TimeBucket bucket) {
        this.key = key;
        this.label = label;
        this.length = length;
        this.bucket = bucket;
    }

    /** As URLs say it: {@code 24h}, {@code 7d}, {@code 30d}. */
    public String key() {
        return key;
    }

    /** As pages say it: "24 hours". */
    public String label() {
        return label;
    }

    public Duration length() {
        return length;
    }

    public TimeBucket bucket() {
        return bucket;
    }

    /**
     * Whether an account that keeps {@code history} of data can show the whole window.
     */
    public boolean fitsIn(Duration history) {
        return history.plus(SLACK).compareTo(length) >= 0;
    }

    public static Optional<AnalyticsWindow> fromKey(String key) {
        return Arrays.stream(values()).filter(window -> window.key.equals(key)).findFirst();
    }

}
