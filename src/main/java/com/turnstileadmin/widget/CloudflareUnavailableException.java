package com.turnstileadmin.widget;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Cloudflare could not be reached or gave no usable answer: a 5xx, a body that is not its
 * JSON envelope, a timeout, a refused connection, or a rate limit that outlasted the
 * retries. Trying again later may work.
 */
public final class CloudflareUnavailableException extends CloudflareException {

    /** What went wrong, for messages and metrics. */
    public enum Reason {

        SERVER_ERROR, INVALID_RESPONSE, TIMEOUT, CONNECTION_FAILED, RATE_LIMITED

    }

    private final Reason reason;

    private final int status;

    private final @Nullable Duration retryAfter;

    private final boolean outcomeUnknown;

    public CloudflareUnavailableException(String operation, Reason reason, int status, @Nullable Duration retryAfter,
            @Nullable Throwable cause) {
        this(operation, reason, status, retryAfter, cause, false);
    }

    private CloudflareUnavailableException(String operation, Reason reason, int status, @Nullable Duration retryAfter,
            @Nullable Throwable cause, boolean outcomeUnknown) {
        super(operation, describe(operation, reason, status, outcomeUnknown), cause);
        this.reason = reason;
        this.status = status;
        this.retryAfter = retryAfter;
        this.outcomeUnknown = outcomeUnknown;
    }

    /**
     * The same failure of a write that Cloudflare may have carried out before it failed.
     */
    public CloudflareUnavailableException withOutcomeUnknown() {
        return new CloudflareUnavailableException(operation(), reason, status, retryAfter, getCause(), true);
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

    /**
     * Whether a write may have been carried out all the same: it reached Cloudflare, but
     * no usable answer came back (a timeout, a dropped connection, a 5xx). Repeating it
     * blindly could, for instance, create a second widget; reads and refused connections
     * are never uncertain.
     */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }

    private static String describe(String operation, Reason reason, int status, boolean outcomeUnknown) {
        String what = switch (reason) {
            case SERVER_ERROR -> "answered with a server error";
            case INVALID_RESPONSE -> "gave an answer that is not a Cloudflare API response";
            case TIMEOUT -> "did not answer in time";
            case CONNECTION_FAILED -> "could not be reached";
            case RATE_LIMITED -> "rate limit was reached";
        };
        return "Cloudflare " + what + " trying to " + operation + (status > 0 ? " (HTTP " + status + ")" : "")
                + (outcomeUnknown ? "; it may have been carried out all the same" : "");
    }

}
