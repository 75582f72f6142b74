package com.turnstileadmin.analytics;

import java.time.Duration;

/**
 * The account's analytics budget ({@link AccountAnalyticsBudget}) has no call left for
 * now; no call was made.
 */
public final class AnalyticsBudgetExhaustedException extends RuntimeException {

    private final Duration retryAfter;

    public AnalyticsBudgetExhaustedException(Duration retryAfter) {
        super("The account's analytics budget is spent for " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

}
