package com.turnstileadmin.widget;

import com.turnstileadmin.time.Times;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Why an attempt failed, as the audit trail keeps it: Cloudflare's codes and messages (the
 * exceptions' own messages), or what kept the change from being made. Never a secret: Cloudflare's
 * errors describe the request, which holds none (a secret only ever travels in an answer's result),
 * and these exceptions' messages are built without one.
 */
final class FailureText {

    private FailureText() {
    }

    /**
     * "Cloudflare refused to rotate secret: the previous secret stays valid until 4 Dec 2026, 20:18:28 UTC
     * (Cloudflare error 10406, HTTP 400)": what Cloudflare said first, in words and readable times, its codes
     * after it for whoever looks them up; or "Cloudflare did not answer in time …".
     */
    static String of(CloudflareException failure) {
        if (!(failure instanceof CloudflareApiException refused)) {
            return failure.getMessage();
        }
        String said = refused.errors().stream().map(e -> Times.readableInstants(e.message()))
                .collect(Collectors.joining("; "));
        String codes = refused.errors().stream().map(e -> String.valueOf(e.code())).collect(Collectors.joining(", "));
        return "Cloudflare refused to " + refused.operation() + ": " + (said.isEmpty() ? "it gave no reason" : said)
                + " (" + (codes.isEmpty() ? "" : "Cloudflare error " + codes + ", ") + "HTTP " + refused.status() + ")";
    }

    static String of(EditConflictException conflict, Function<WidgetSetting<?>, String> labels) {
        return "Nothing was saved: someone else changed "
                + conflict.theirChanges().stream().map(change -> labels.apply(change.setting()))
                        .collect(Collectors.joining(", "))
                + " since the edit form was opened";
    }
}
