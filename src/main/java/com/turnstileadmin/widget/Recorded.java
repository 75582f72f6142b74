package com.turnstileadmin.widget;

/**
 * The result of a change made at Cloudflare, and whether the audit trail recorded it. A
 * change that was made is never hidden or lost because its record could not be stored (a
 * rotated secret must still be shown, once): the page shows the result with a warning
 * beside it ({@code audit.unrecorded} in messages.properties), and the log says what was
 * not recorded.
 *
 * @param recorded {@code false} when the audit record could not be stored
 */
public record Recorded<T>(T result, boolean recorded) {
}
