package com.turnstileadmin.cloudflare;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the app talks HTTP to the Cloudflare API.
 *
 * @param connectTimeout how long to wait for a connection; default 5 s
 * @param responseTimeout how long to wait for an answer once connected; default 20 s
 * @param retry how failed reads are retried
 */
@ConfigurationProperties("cloudflare.client")
public record CloudflareClientProperties(@DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration responseTimeout, @DefaultValue Retry retry) {

    /**
     * Retries of reads (GET) that failed with 429, a 5xx or a connection error. Writes
     * are never retried: a write that timed out may have been applied.
     *
     * @param maxRetries retries after the first attempt; default 2, 0 turns retrying off
     * @param firstBackoff the wait before the first retry, doubled for each further one;
     * default 200 ms
     * @param maxBackoff the longest wait between two attempts; default 2 s
     * @param maxRetryAfter the longest {@code retry-after} honoured; a longer one fails
     * at once, so a page never hangs through Cloudflare's five-minute rate-limit block,
     * and the block is remembered so that further calls fail at once too; default 10 s
     * @param maxElapsed no retry starts later than this after the read began, so that one
     * page view holds a request thread for a bounded time; default 10 s
     */
    public record Retry(@DefaultValue("2") int maxRetries, @DefaultValue("200ms") Duration firstBackoff,
            @DefaultValue("2s") Duration maxBackoff, @DefaultValue("10s") Duration maxRetryAfter,
            @DefaultValue("10s") Duration maxElapsed) {

        public Retry {
            if (maxRetries < 0 || maxRetries > 10) {
                throw new IllegalArgumentException("cloudflare.client.retry.max-retries must be 0 to 10");
            }
            requirePositive(firstBackoff, "first-backoff");
            requirePositive(maxBackoff, "max-backoff");
            requirePositive(maxRetryAfter, "max-retry-after");
            requirePositive(maxElapsed, "max-elapsed");
        }
    }

    public CloudflareClientProperties {
        requirePositive(connectTimeout, "connect-timeout");
        requirePositive(responseTimeout, "response-timeout");
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("cloudflare.client." + name + " must be positive");
        }
    }
}
