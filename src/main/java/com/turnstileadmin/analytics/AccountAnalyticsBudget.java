package com.turnstileadmin.analytics;

import com.github.benmanes.caffeine.cache.Ticker;
import com.turnstileadmin.time.TickerTime;

import com.turnstileadmin.account.AccountId;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each account's share of Cloudflare's limit for analytics: a token bucket per account
 * (Bucket4j), one token per GraphQL call, taken before it is made. However many people
 * open charts, analytics never spend the calls the widget pages of the same token need.
 * The buckets live in this replica; the accounts are the configured few, so they are all
 * kept.
 */
final class AccountAnalyticsBudget {

    private final AnalyticsProperties.Budget settings;

    private final Map<AccountId, Bucket> buckets = new ConcurrentHashMap<>();

    private final TimeMeter time;

    AccountAnalyticsBudget(AnalyticsProperties.Budget settings, Ticker ticker) {
        this.settings = settings;
        this.time = new TickerTime(ticker);
    }

    /**
     * Takes one call from the account's budget.
     * @throws AnalyticsBudgetExhaustedException if none is left; then none is taken
     */
    void spend(AccountId account) {
        ConsumptionProbe probe = buckets.computeIfAbsent(account, id -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new AnalyticsBudgetExhaustedException(Duration.ofSeconds(seconds));
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
            .addLimit(Bandwidth.builder()
                .capacity(settings.capacity())
                .refillGreedy(settings.perFiveMinutes(), Duration.ofMinutes(5))
                .build())
            .withCustomTimePrecision(time)
            .build();
    }

}
