package com.turnstileadmin.analytics;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What an account's Turnstile analytics offer, from the API's {@code settings} node.
 * Queries are built from it, so that an account without a dimension still gets the rest.
 *
 * @param enabled whether the account may query the dataset at all
 * @param dimensions the dimensions it may select, e.g. {@code hostname} (Cloudflare lists
 * them as {@code dimensions.hostname} among its available fields)
 * @param maxDuration the longest range one query may span
 * @param notOlderThan how far back the account's data goes (7 days on Free plans, 30 on
 * Enterprise)
 * @param maxPageSize the most groups one answer holds
 */
public record AnalyticsSettings(boolean enabled, Set<String> dimensions, Duration maxDuration, Duration notOlderThan,
        int maxPageSize) {

    public AnalyticsSettings {
        dimensions = Set.copyOf(dimensions);
        // Else the windows could not be cut into queries, nor start before they end.
        if (maxDuration.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("maxDuration must be a minute or more");
        }
        if (notOlderThan.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException("notOlderThan must be an hour or more");
        }
        if (maxPageSize < 1) {
            throw new IllegalArgumentException("maxPageSize must be 1 or more");
        }
    }

    public boolean offers(Breakdown breakdown) {
        return dimensions.contains(breakdown.dimension());
    }

    public boolean offers(TimeBucket bucket) {
        return dimensions.contains(bucket.dimension());
    }

}
