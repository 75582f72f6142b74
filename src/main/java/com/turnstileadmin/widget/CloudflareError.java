package com.turnstileadmin.widget;

import org.jspecify.annotations.Nullable;

/**
 * One entry of the {@code errors} of a Cloudflare response.
 *
 * @param pointer the JSON pointer of the request field it concerns, when Cloudflare says
 */
public record CloudflareError(int code, String message, @Nullable String pointer) {
}
