package com.turnstileadmin.widget;

import org.jspecify.annotations.Nullable;

/**
 * One entry of the {@code errors} of a Cloudflare response.
 *
 * @param pointer the JSON pointer of the request field it concerns, when Cloudflare says,
 * as it came
 * @param setting the setting that request field holds, when it is one (the adapter reads
 * the pointer)
 */
public record CloudflareError(int code, String message, @Nullable String pointer, @Nullable WidgetSetting<?> setting) {

    /** An error about no field in particular. */
    public CloudflareError(int code, String message) {
        this(code, message, null, null);
    }
}
