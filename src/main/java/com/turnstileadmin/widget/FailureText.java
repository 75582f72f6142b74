package com.turnstileadmin.widget;

import com.turnstileadmin.text.Text;
import com.turnstileadmin.time.Times;
import java.io.Serializable;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;

/**
 * Why an attempt failed, as the audit trail keeps it: Cloudflare's codes and messages
 * (the exceptions' own messages), or what kept the change from being made. Never a
 * secret: Cloudflare's errors describe the request, which holds none (a secret only ever
 * travels in an answer's result), and these exceptions' messages are built without one.
 * The words are {@code audit.failure.*} of {@code messages.properties}, in English, the
 * language the trail is kept in.
 */
final class FailureText {

    private final MessageSource messages;

    FailureText(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * "Cloudflare refused to rotate secret: the previous secret stays valid until 4 Dec
     * 2026, 20:18:28 UTC (Cloudflare error 10406, HTTP 400)": what Cloudflare said first,
     * in words and readable times, its codes after it for whoever looks them up; or
     * "Cloudflare did not answer in time …".
     */
    String of(CloudflareException failure) {
        if (!(failure instanceof CloudflareApiException refused)) {
            return failure.getMessage();
        }
        String said = refused.errors()
            .stream()
            .map(e -> Times.readableInstants(e.message()))
            .collect(Collectors.joining("; "));
        String codes = refused.errors().stream().map(e -> String.valueOf(e.code())).collect(Collectors.joining(", "));
        Serializable reason = said.isEmpty() ? Text.of("audit.failure.noReason") : said;
        Text detail = codes.isEmpty() ? Text.of("cloudflare.httpStatus", refused.status())
                : Text.of("cloudflare.errorCodes", codes, refused.status());
        return english(Text.of("audit.failure.refused", refused.operation(), reason, detail));
    }

    String of(EditConflictException conflict, Function<WidgetSetting<?>, String> labels) {
        return english(Text.of("audit.failure.conflict",
                conflict.theirChanges()
                    .stream()
                    .map(change -> labels.apply(change.setting()))
                    .collect(Collectors.joining(", "))));
    }

    private String english(Text text) {
        return messages.getMessage(text, Locale.ENGLISH);
    }

}
