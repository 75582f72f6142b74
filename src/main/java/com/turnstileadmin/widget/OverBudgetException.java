package com.turnstileadmin.widget;

import java.time.Duration;

/**
 * A user asked for Cloudflare calls faster than their share of the team's rate limit
 * allows ({@link UserCallBudget}); nothing was sent to Cloudflare.
 */
public final class OverBudgetException extends RuntimeException {

    private final Duration retryAfter;

    OverBudgetException(Duration retryAfter) {
        super("A user's share of the Cloudflare rate limit is used up for " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    /**
     * How long until the user's budget holds enough again: whole seconds, at least one.
     */
    public Duration retryAfter() {
        return retryAfter;
    }

    /**
     * {@link #retryAfter()} in seconds, as a {@code Retry-After} header and the message
     * say it.
     */
    public long retryAfterSeconds() {
        return retryAfter.toSeconds();
    }

}
