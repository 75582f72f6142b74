package com.turnstileadmin.cloudflare;

import com.turnstileadmin.widget.CloudflareApiException;
import com.turnstileadmin.widget.CloudflareError;
import com.turnstileadmin.widget.CloudflareUnavailableException;
import com.turnstileadmin.widget.CloudflareUnavailableException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Cloudflare's answers: the envelope of a success, or the typed exception of a
 * failure. Parser errors are never passed on as causes, because their messages can quote
 * the body, and a body can hold a secret.
 */
final class ResponseReader {

    private final JsonMapper mapper;

    ResponseReader(JsonMapper mapper) {
        this.mapper = mapper;
    }

    <T> WirePayloads.Envelope<T> read(String operation, RawResponse response, JavaType envelopeType) {
        refuseUnavailable(operation, response);
        int status = response.status();
        WirePayloads.Envelope<T> envelope = parse(response.body(), envelopeType);
        boolean clientError = status >= 400;
        if (clientError || (envelope != null && Boolean.FALSE.equals(envelope.success()))) {
            // A 4xx without Cloudflare's envelope (a proxy's or WAF's page) is still a
            // refusal.
            throw new CloudflareApiException(operation, status, envelope == null ? List.of() : errors(envelope));
        }
        if (status < 200 || status > 299 || envelope == null || envelope.success() == null
                || envelope.result() == null) {
            throw new CloudflareUnavailableException(operation, Reason.INVALID_RESPONSE, status, null, null);
        }
        return envelope;
    }

    /**
     * Throws for a 429 or a 5xx, whatever the body: the endpoint is rate-limited or
     * failing, not refusing this request.
     */
    static void refuseUnavailable(String operation, RawResponse response) {
        int status = response.status();
        if (status == 429) {
            throw new CloudflareUnavailableException(operation, Reason.RATE_LIMITED, status,
                    retryAfter(response.retryAfter(), Instant.now()), null);
        }
        if (status >= 500) {
            throw new CloudflareUnavailableException(operation, Reason.SERVER_ERROR, status,
                    retryAfter(response.retryAfter(), Instant.now()), null);
        }
    }

    private <T> WirePayloads.@Nullable Envelope<T> parse(String body, JavaType envelopeType) {
        if (body.isBlank()) {
            return null;
        }
        try {
            return mapper.readValue(body, envelopeType);
        }
        catch (JacksonException e) {
            return null;
        }
    }

    private static List<CloudflareError> errors(WirePayloads.Envelope<?> envelope) {
        if (envelope.errors() == null) {
            return List.of();
        }
        return envelope.errors().stream().map(m -> {
            String pointer = m.source() == null ? null : m.source().pointer();
            return new CloudflareError(m.code() == null ? 0 : m.code(), m.message() == null ? "" : m.message(), pointer,
                    WireMapping.settingAt(pointer));
        }).toList();
    }

    /**
     * {@code retry-after} in seconds or as an HTTP date; {@code null} when absent or
     * unreadable.
     */
    static @Nullable Duration retryAfter(@Nullable String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        }
        catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(now,
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            }
            catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

}
