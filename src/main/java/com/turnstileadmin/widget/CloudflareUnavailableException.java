package com.turnstileadmin.widget;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Cloudflare could not be reached or gave no usable answer: a 5xx, a body that is not its JSON
 * envelope, a timeout, a refused connection, or a rate limit that outlasted the retries. Trying
 * again later may work.
 */
public final class CloudflareUnavailableException extends CloudflareException {

    /** What went wrong, for messages and metrics. */
    public enum Reason { SERVER_ERROR, INVALID_RESPONSE, TIMEOUT, CONNECTION_FAILED, RATE_LIMITED }

    private final Reason reason;
    private final int status;
    private final @Nullable Duration retryAfter;

    public CloudflareUnavailableException(String operation, Reason reason, int status,
            @Nullable Duration retryAfter, @Nullable Throwable cause) {
        super(operation, describe(operation, reason, status), cause);
        this.reason = reason;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status Cloudflare answered with, or 0 when no answer came. */
    public int status() {
        return status;
    }

    /** How long Cloudflare asked us to wait, when it said. */
    public @Nullable Duration retryAfter() {
        return retryAfter;
    }

    private static String describe(String operation, Reason reason, int status) {
        String what = switch (reason) {
            case SERVER_ERROR -> "answered with a server error";
            case INVALID_RESPONSE -> "gave an answer that is not a Cloudflare API response";
            case TIMEOUT -> "did not answer in time";
            case CONNECTION_FAILED -> "could not be reached";
            case RATE_LIMITED -> "rate limit was reached";
        };
        return "Cloudflare " + what + " trying to " + operation + (status > 0 ? " (HTTP " + status + ")" : "");
    }
}
