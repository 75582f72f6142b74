package com.turnstileadmin.time;

import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.TimeMeter;

/**
 * Bucket4j's time read from a Caffeine {@link Ticker}: the budgets and the caches beside
 * them then share one clock, which a test can move.
 */
public final class TickerTime implements TimeMeter {

    private final Ticker ticker;

    public TickerTime(Ticker ticker) {
        this.ticker = ticker;
    }

    @Override
    public long currentTimeNanos() {
        return ticker.read();
    }

    @Override
    public boolean isWallClockBased() {
        return false;
    }

}
