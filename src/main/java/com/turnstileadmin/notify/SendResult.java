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
 * @param permanent a refusal that no retry can change (a webhook's 410 Gone, Slack's
 * channel gone, an SMTP 5xx): the delivery fails at once
 */
public record SendResult(boolean delivered, @Nullable Integer status, @Nullable Duration retryAfter, String excerpt,
        boolean permanent) {

    public static final int EXCERPT = 300;

    public SendResult {
        excerpt = excerpt == null ? "" : excerpt.length() > EXCERPT ? excerpt.substring(0, EXCERPT) : excerpt;
    }

    public static SendResult delivered(int status, String excerpt) {
        return new SendResult(true, status, null, excerpt, false);
    }

    public static SendResult refused(int status, @Nullable Duration retryAfter, String excerpt) {
        return new SendResult(false, status, retryAfter, excerpt, false);
    }

    /** Refused for good: retrying cannot help. */
    public static SendResult rejected(int status, String excerpt) {
        return new SendResult(false, status, null, excerpt, true);
    }

    /** No answer: the connection was refused, timed out or broke. */
    public static SendResult unreachable(String why) {
        return new SendResult(false, null, null, why, false);
    }

}
