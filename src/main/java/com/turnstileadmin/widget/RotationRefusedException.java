package com.turnstileadmin.widget;

import com.turnstileadmin.time.Times;

/**
 * Cloudflare refused to rotate a secret. Its codes for this are not documented; the usual
 * reason is that the previous rotation's two-hour grace period has not ended, so the page
 * explains that and shows Cloudflare's own message beside it.
 */
public final class RotationRefusedException extends RuntimeException {

    private final CloudflareApiException refusal;

    public RotationRefusedException(CloudflareApiException refusal) {
        super(refusal.getMessage(), refusal);
        this.refusal = refusal;
    }

    /** Cloudflare's messages, with their times made readable. */
    public String cloudflareMessage() {
        return String.join("; ", refusal.errors().stream().map(e -> Times.readableInstants(e.message())).toList());
    }

    /**
     * Cloudflare's error codes, comma-separated ("10406"), or an empty text: with
     * {@link #status()}, the page's detail line ({@code cloudflare.errorCodes}).
     */
    public String errorCodes() {
        return String.join(", ", refusal.errors().stream().map(e -> String.valueOf(e.code())).toList());
    }

    /** The HTTP status of Cloudflare's answer. */
    public int status() {
        return refusal.status();
    }

}
