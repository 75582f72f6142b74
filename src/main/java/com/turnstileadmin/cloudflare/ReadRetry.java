package com.turnstileadmin.cloudflare;

import com.turnstileadmin.widget.CloudflareUnavailableException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The retry of reads: on 429, a 5xx or a connection failure, a bounded number of times
 * and within a bounded time, after an exponential backoff with jitter or after
 * Cloudflare's {@code
 * retry-after} when it gives one. A {@code retry-after} longer than the configured
 * maximum ends the retries at once. Timeouts and refusals are not retried. Only reads use
 * this: a write is never sent twice.
 */
final class ReadRetry {

    private static final Logger log = LoggerFactory.getLogger(ReadRetry.class);

    private ReadRetry() {
    }

    /**
     * The retry of one read that began at {@code startedNanos}
     * ({@link System#nanoTime()}).
     */
    static Retry of(CloudflareClientProperties.Retry settings, long startedNanos) {
        return Retry.from(signals -> signals.concatMap(signal -> {
            Throwable failure = signal.failure();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
            Duration delay = delayBeforeRetry(failure, signal.totalRetries(), elapsed, settings,
                    ThreadLocalRandom.current().nextDouble());
            if (delay == null) {
                return Mono.error(failure);
            }
            CloudflareUnavailableException unavailable = (CloudflareUnavailableException) failure;
            // At DEBUG: each attempt has its own INFO line already (CallRecorder).
            log.debug("Retrying to {} in {} ms after {} (retry {} of {})", unavailable.operation(), delay.toMillis(),
                    unavailable.reason(), signal.totalRetries() + 1, settings.maxRetries());
            return Mono.delay(delay);
        }));
    }

    /**
     * How long to wait before the next attempt, or {@code null} to give up.
     * @param retriesSoFar retries already made (0 before the first)
     * @param elapsed time since the read began
     * @param jitter a number in [0, 1) that spreads the retries of concurrent users apart
     */
    static @Nullable Duration delayBeforeRetry(Throwable failure, long retriesSoFar, Duration elapsed,
            CloudflareClientProperties.Retry settings, double jitter) {
        if (retriesSoFar >= settings.maxRetries() || !(failure instanceof CloudflareUnavailableException unavailable)) {
            return null;
        }
        switch (unavailable.reason()) {
            case RATE_LIMITED, SERVER_ERROR, CONNECTION_FAILED -> {
            }
            default -> {
                return null;
            }
        }
        Duration delay;
        Duration retryAfter = unavailable.retryAfter();
        if (retryAfter != null) {
            if (retryAfter.compareTo(settings.maxRetryAfter()) > 0) {
                return null;
            }
            delay = retryAfter;
        }
        else {
            long backoff = settings.firstBackoff().toMillis() << Math.min(retriesSoFar, 20);
            long capped = Math.min(backoff, settings.maxBackoff().toMillis());
            // Equal jitter: at least half the backoff, never more than all of it.
            delay = Duration.ofMillis(capped / 2 + (long) (capped / 2.0 * jitter));
        }
        return elapsed.plus(delay).compareTo(settings.maxElapsed()) > 0 ? null : delay;
    }

}
