package com.turnstileadmin.cloudflare;

import com.turnstileadmin.analytics.AnalyticsRefusedException;
import com.turnstileadmin.analytics.AnalyticsRefusedException.Kind;
import com.turnstileadmin.widget.CloudflareApiException;
import com.turnstileadmin.widget.CloudflareUnavailableException;
import com.turnstileadmin.widget.CloudflareUnavailableException.Reason;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.client.GraphQlTransport;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the answers of Cloudflare's GraphQL endpoint. HTTP failures are typed as the
 * widget API's are (its 4xx come in the v4 envelope); a query Cloudflare refuses comes as
 * HTTP 200 with {@code errors}, typed as an {@link AnalyticsRefusedException}: code
 * {@code authz} when the token lacks "Account Analytics Read" for the account.
 */
final class GraphQlResponseReader {

    /** Cloudflare's error code for a token without access to the account's analytics. */
    static final String NOT_AUTHORIZED = "authz";

    /**
     * Cloudflare's messages are short; a longer one is cut, to keep the page readable.
     */
    private static final int MAX_MESSAGE_LENGTH = 200;

    private final JsonMapper mapper;

    GraphQlResponseReader(JsonMapper mapper) {
        this.mapper = mapper;
    }

    GraphQlResponse read(String operation, RawResponse response) {
        int status = response.status();
        ResponseReader.refuseUnavailable(operation, response);
        if (status == 401) {
            // The token itself is refused: the widget pages fail alike, and say so.
            throw new CloudflareApiException(operation, status, List.of());
        }
        if (status == 403) {
            throw permissionMissing();
        }
        if (status >= 400) {
            throw new AnalyticsRefusedException(Kind.QUERY_REJECTED,
                    "Cloudflare refused the analytics query with HTTP " + status);
        }
        if (status != 200) {
            throw invalid(operation, status);
        }
        Map<String, Object> body = parse(response.body());
        if (body == null) {
            throw invalid(operation, 200);
        }
        if (body.get("errors") instanceof List<?> errors && !errors.isEmpty()) {
            throw refusal(errors);
        }
        if (!(body.get("data") instanceof Map<?, ?>)) {
            throw invalid(operation, 200);
        }
        return GraphQlTransport.createResponse(body);
    }

    private static AnalyticsRefusedException refusal(List<?> errors) {
        for (Object error : errors) {
            if (error instanceof Map<?, ?> fields && fields.get("extensions") instanceof Map<?, ?> extensions
                    && NOT_AUTHORIZED.equals(extensions.get("code"))) {
                return permissionMissing();
            }
        }
        String message = errors.get(0) instanceof Map<?, ?> first && first.get("message") instanceof String text ? text
                : "no reason given";
        if (message.length() > MAX_MESSAGE_LENGTH) {
            message = message.substring(0, MAX_MESSAGE_LENGTH) + "…";
        }
        return new AnalyticsRefusedException(Kind.QUERY_REJECTED, "Cloudflare refused the analytics query: " + message);
    }

    private static AnalyticsRefusedException permissionMissing() {
        return new AnalyticsRefusedException(Kind.PERMISSION_MISSING,
                "The API token may not read this account's analytics: it needs the permission "
                        + "\"Account Analytics Read\"");
    }

    @SuppressWarnings("unchecked")
    private @Nullable Map<String, Object> parse(String body) {
        if (body.isBlank()) {
            return null;
        }
        try {
            return mapper.readValue(body, Map.class);
        }
        catch (JacksonException e) {
            // Not passed on: a parser's message quotes the body.
            return null;
        }
    }

    private static CloudflareUnavailableException invalid(String operation, int status) {
        return new CloudflareUnavailableException(operation, Reason.INVALID_RESPONSE, status, null, null);
    }

}
