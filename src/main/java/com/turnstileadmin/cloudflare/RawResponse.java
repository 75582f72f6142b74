package com.turnstileadmin.cloudflare;

import org.jspecify.annotations.Nullable;

/**
 * An HTTP answer as it came, before it is read. Not a record: its body may hold a widget
 * secret, and a record's {@code toString()} would print it.
 */
final class RawResponse {

    private final int status;

    private final @Nullable String retryAfter;

    private final String body;

    RawResponse(int status, @Nullable String retryAfter, String body) {
        this.status = status;
        this.retryAfter = retryAfter;
        this.body = body;
    }

    int status() {
        return status;
    }

    /** The {@code retry-after} header, if any. */
    @Nullable String retryAfter() {
        return retryAfter;
    }

    String body() {
        return body;
    }

    @Override
    public String toString() {
        return "RawResponse[status=" + status + ", " + body.length() + " characters]";
    }

}
