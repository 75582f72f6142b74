package com.turnstileadmin.widget;

/**
 * Cloudflare refused to rotate a secret. Its codes for this are not documented; the usual reason
 * is that the previous rotation's two-hour grace period has not ended, so the page explains that
 * and shows Cloudflare's own message beside it.
 */
public final class RotationRefusedException extends RuntimeException {

    private final CloudflareApiException refusal;

    public RotationRefusedException(CloudflareApiException refusal) {
        super(refusal.getMessage(), refusal);
        this.refusal = refusal;
    }

    /** Cloudflare's messages, as it gave them. */
    public String cloudflareMessage() {
        return String.join("; ", refusal.errors().stream().map(CloudflareError::message).toList());
    }
}
