package com.turnstileadmin.analytics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the app asks Cloudflare's GraphQL Analytics API (README "Widget health").
 *
 * @param cacheFor how long an answer is kept and shared by every user of this replica,
 * and the step by which windows end (at 12:05, then 12:10), so that the same page asks
 * the same question for that long; default 5 minutes, at least 1 (Cloudflare's analytics
 * trail the events by a few minutes)
 * @param settingsFor how long an account's {@code settings} answer is kept; default 1
 * hour
 * @param budget each account's share of the GraphQL limit, per replica
 */
@ConfigurationProperties("analytics")
public record AnalyticsProperties(@DefaultValue("5m") Duration cacheFor, @DefaultValue("1h") Duration settingsFor,
        @DefaultValue Budget budget) {

    public AnalyticsProperties {
        if (cacheFor.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("analytics.cache-for must be 1 minute or more");
        }
        requirePositive(settingsFor, "analytics.settings-for");
    }

    /**
     * Cloudflare allows about 300 GraphQL queries per 5 minutes per user, and they count
     * against the token's 1,200 calls per 5 minutes that widget pages need too. The
     * defaults keep analytics to a fifth of the first and a twentieth of the second,
     * after a first burst of 50: enough for a team opening 40 widgets' panels at once
     * (the load benchmark's users, with 20, saw "analytics pause" on most of them).
     *
     * @param capacity the calls an account's analytics may make at once; default 50
     * @param perFiveMinutes what its budget refills by in 5 minutes; default 60
     */
    public record Budget(@DefaultValue("50") int capacity, @DefaultValue("60") int perFiveMinutes) {

        public Budget {
            if (capacity < 1 || perFiveMinutes < 1) {
                throw new IllegalArgumentException("analytics.budget.capacity and per-five-minutes must be 1 or more");
            }
        }

    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
    }

}
