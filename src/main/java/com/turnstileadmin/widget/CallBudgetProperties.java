package com.turnstileadmin.widget;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Each user's share of the team's Cloudflare rate limit (1,200 calls per 5 minutes for
 * the one token, 4 a second): a token bucket per user ({@link UserCallBudget}).
 *
 * <p>
 * The defaults are more than a person uses: typing a filter costs a call per pause (htmx
 * waits 300 ms), so a burst of 30 covers a long filter typed quickly and then some
 * paging, and a call a second kept up for minutes is faster than anyone reads pages. Yet
 * one user can spend at most 300 calls in 5 minutes, a quarter of the team's limit,
 * instead of the whole of it in 5 seconds.
 *
 * @param capacity the calls a user may make at once, before the refill rate applies;
 * default 30
 * @param perMinute the calls a minute a user's budget refills by; default 60
 * @param maxUsers how many users' budgets are kept at most; the least recently active are
 * dropped beyond it (a dropped budget starts full again), so memory stays bounded;
 * default 10,000
 */
@ConfigurationProperties("cloudflare.budget")
public record CallBudgetProperties(@DefaultValue("30") int capacity, @DefaultValue("60") int perMinute,
        @DefaultValue("10000") int maxUsers) {

    public CallBudgetProperties {
        requirePositive(capacity, "capacity");
        requirePositive(perMinute, "per-minute");
        requirePositive(maxUsers, "max-users");
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException("cloudflare.budget." + name + " must be 1 or more");
        }
    }
}
