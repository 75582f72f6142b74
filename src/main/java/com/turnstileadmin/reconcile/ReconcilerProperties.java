package com.turnstileadmin.reconcile;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the reconciler looks for changes made outside the dashboard (README "Changes made
 * outside the dashboard").
 *
 * @param enabled whether it runs at all; default on
 * @param interval how often each account's widgets are read; default 60 s, at least 12 s
 * (two calls a run at the 5% of the rate limit it may spend: the list, and a widget
 * missing from it asked for)
 */
@ConfigurationProperties("reconciler")
public record ReconcilerProperties(@DefaultValue("true") boolean enabled, @DefaultValue("60s") Duration interval) {

    /** Cloudflare's limit for a token: 1,200 calls per 5 minutes, 4 a second. */
    static final double RATE_LIMIT_PER_SECOND = 1200 / 300.0;

    /** The share of that limit the reconciler may spend. */
    static final double SHARE = 0.05;

    public ReconcilerProperties {
        if (interval.compareTo(Duration.ofSeconds(12)) < 0) {
            throw new IllegalArgumentException("reconciler.interval must be 12 seconds or more");
        }
    }

    /**
     * The Cloudflare calls one run may make for an account: 5% of the rate limit over the
     * shortest time between two runs, nine tenths of the interval (10 at 60 s; see
     * {@link ReconcilerSchedule}).
     */
    int callsPerRun() {
        return (int) Math.floor(interval.toMillis() * 0.9 / 1000 * RATE_LIMIT_PER_SECOND * SHARE);
    }

}
