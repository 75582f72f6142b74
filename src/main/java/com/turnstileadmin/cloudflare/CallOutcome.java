package com.turnstileadmin.cloudflare;

import com.turnstileadmin.analytics.AnalyticsRefusedException;
import com.turnstileadmin.widget.CloudflareApiException;
import com.turnstileadmin.widget.CloudflareUnavailableException;

/**
 * How one HTTP request to Cloudflare ended, as the {@code outcome} tag of its metric says
 * it.
 */
enum CallOutcome {

    SUCCESS,
    /**
     * A 4xx other than 429, {@code success: false}, or GraphQL's {@code errors}:
     * Cloudflare refused the request.
     */
    CLIENT_ERROR, RATE_LIMITED, SERVER_ERROR,
    /**
     * No usable answer: a timeout, a failed connection, a body that is not Cloudflare's,
     * a cancelled call.
     */
    UNAVAILABLE;

    String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static CallOutcome of(Throwable failure) {
        if (failure instanceof CloudflareApiException || failure instanceof AnalyticsRefusedException) {
            return CLIENT_ERROR;
        }
        if (failure instanceof CloudflareUnavailableException unavailable) {
            return switch (unavailable.reason()) {
                case RATE_LIMITED -> RATE_LIMITED;
                case SERVER_ERROR -> SERVER_ERROR;
                case TIMEOUT, CONNECTION_FAILED, INVALID_RESPONSE -> UNAVAILABLE;
            };
        }
        return UNAVAILABLE;
    }

}
