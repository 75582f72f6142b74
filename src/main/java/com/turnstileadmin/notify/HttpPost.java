package com.turnstileadmin.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One POST of a notification to a configured address, with timeouts, no redirects
 * followed (a redirect could point anywhere, inside the network too) and only the start
 * of the answer read into the result.
 */
final class HttpPost {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private static final HttpClient CLIENT = HttpClient.newBuilder()
        .connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();

    private HttpPost() {
    }

    static SendResult json(URI url, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .header("User-Agent", "turnstile-admin")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            String excerpt = response.body() == null ? "" : response.body();
            if (status >= 200 && status < 300) {
                return SendResult.delivered(status, excerpt);
            }
            if (status == 404 || status == 410) {
                // The receiver is gone (Slack's channel_not_found, channel_is_archived; a
                // webhook that says Gone), as Standard Webhooks senders take it.
                return SendResult.rejected(status, excerpt);
            }
            return SendResult.refused(status,
                    retryAfter(response.headers().firstValue("Retry-After").orElse(null), Instant.now()), excerpt);
        }
        catch (IOException e) {
            return SendResult.unreachable(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.unreachable("interrupted");
        }
    }

    /** {@code Retry-After} in seconds or as an HTTP date; {@code null} if neither. */
    static @Nullable Duration retryAfter(@Nullable String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        }
        catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            }
            catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

}
