package com.turnstileadmin.notify;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How one attempt to send ended.
 *
 * @param status the receiver's HTTP status (an SMTP server's reply code for e-mail);
 * {@code null} when none came (refused connection, timeout)
 * @param retryAfter how long the receiver asked to wait ({@code Retry-After}), if it did
 * @param excerpt the start of the response body or of the error, at most
 * {@value #EXCERPT} characters: never more is kept
 */
public record SendResult(boolean delivered, @Nullable Integer status, @Nullable Duration retryAfter, String excerpt) {

    public static final int EXCERPT = 300;

    public SendResult {
        excerpt = excerpt == null ? "" : excerpt.length() > EXCERPT ? excerpt.substring(0, EXCERPT) : excerpt;
    }

    public static SendResult delivered(int status, String excerpt) {
        return new SendResult(true, status, null, excerpt);
    }

    public static SendResult refused(int status, @Nullable Duration retryAfter, String excerpt) {
        return new SendResult(false, status, retryAfter, excerpt);
    }

    /** No answer: the connection was refused, timed out or broke. */
    public static SendResult unreachable(String why) {
        return new SendResult(false, null, null, why);
    }

}
