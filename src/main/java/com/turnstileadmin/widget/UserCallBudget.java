package com.turnstileadmin.widget;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.turnstileadmin.security.SignedInUser;
import com.turnstileadmin.time.TickerTime;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Each user's share of the team's Cloudflare rate limit: a token bucket per user
 * (Bucket4j), one token per Cloudflare call, taken before the call is made. Without it
 * one viewer typing filters could spend the whole team's limit in seconds, and Cloudflare
 * would then block everyone for five minutes.
 *
 * <p>
 * The buckets are kept in a bounded Caffeine cache: a bucket unused for as long as it
 * takes to fill up again is dropped, as a new one would be the same, and beyond
 * {@code max-users} the least recently used go first. They live in this instance: with
 * replicas, each grants its own share.
 */
@Component
public class UserCallBudget {

    private final CallBudgetProperties properties;

    private final TimeMeter time;

    private final Cache<String, Bucket> buckets;

    @Autowired
    public UserCallBudget(CallBudgetProperties properties, ObjectProvider<Ticker> ticker) {
        this(properties, ticker.getIfAvailable(Ticker::systemTicker));
    }

    UserCallBudget(CallBudgetProperties properties, Ticker ticker) {
        this.properties = properties;
        this.time = new TickerTime(ticker);
        Duration untilFull = Duration.ofMinutes(1)
            .multipliedBy(properties.capacity())
            .dividedBy(properties.perMinute());
        this.buckets = Caffeine.newBuilder()
            .maximumSize(properties.maxUsers())
            .expireAfterAccess(untilFull.plusSeconds(1))
            .ticker(ticker)
            .executor(Runnable::run)
            .build();
    }

    /**
     * The most calls a user's budget ever holds at once: a request that needs more can
     * never be granted.
     */
    public int capacity() {
        return properties.capacity();
    }

    /**
     * Takes {@code calls} tokens from the user's budget.
     * @throws OverBudgetException if the budget does not hold them; then none is taken
     */
    public void spend(SignedInUser user, int calls) {
        Bucket bucket = buckets.get(user.subject(), subject -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(calls);
        if (!probe.isConsumed()) {
            // Rounded up: a client that waits as long as told must find the tokens there.
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new OverBudgetException(Duration.ofSeconds(seconds));
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
            .withCustomTimePrecision(time)
            .addLimit(Bandwidth.builder()
                .capacity(properties.capacity())
                .refillGreedy(properties.perMinute(), Duration.ofMinutes(1))
                .build())
            .build();
    }

}
