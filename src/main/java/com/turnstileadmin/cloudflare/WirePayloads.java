package com.turnstileadmin.cloudflare;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Cloudflare API's JSON, field for field (snake_case through the adapter's mapper).
 * Only this package sees these types: everything else speaks in the domain types of the
 * widget package. Unknown fields are ignored, and every field may be missing:
 * {@link WireMapping} decides what is required.
 */
final class WirePayloads {

    /**
     * How the REST API's JSON is read: snake_case names, and fields the adapter does not
     * know are ignored, as Cloudflare adds some now and then.
     */
    static JsonMapper mapper() {
        return JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    }

    private WirePayloads() {
    }

    /** The {@code success/errors/messages/result} envelope around every answer. */
    record Envelope<T>(@Nullable Boolean success, @Nullable List<Message> errors, @Nullable List<Message> messages,
            @Nullable T result, @Nullable ResultInfo resultInfo) {
    }

    record Message(@Nullable Integer code, @Nullable String message, @Nullable String documentationUrl,
            @Nullable Source source) {
    }

    record Source(@Nullable String pointer) {
    }

    /** Listing pagination. There is no {@code total_pages}. */
    /**
     * Paging: by page for widgets; by cursor for audit logs ({@code cursor}, or
     * {@code cursors.after} as newer SDKs read it).
     */
    record ResultInfo(@Nullable Integer page, @Nullable Integer perPage, @Nullable Integer count,
            @Nullable Integer totalCount, @Nullable String cursor, @Nullable Cursors cursors) {
    }

    record Cursors(@Nullable String after) {
    }

    /** An entry of an account's audit log (v2), as far as the reconciler reads it. */
    record AuditLogEntry(@Nullable Action action, @Nullable Actor actor, @Nullable Raw raw,
            @Nullable Resource resource) {
    }

    record Action(@Nullable String time, @Nullable String type, @Nullable String result) {
    }

    record Actor(@Nullable String id, @Nullable String context, @Nullable String email, @Nullable String tokenId,
            @Nullable String tokenName, @Nullable String type) {
    }

    /** {@code GET /user/tokens/verify}'s result: the token's own id. */
    record TokenStatus(@Nullable String id, @Nullable String status) {
    }

    record Raw(@Nullable String method, @Nullable String uri, @Nullable Integer statusCode) {
    }

    /**
     * @param request the request's body, the secret redacted, where the entry has it
     */
    record Resource(@Nullable String id, @Nullable String product, @Nullable String type,
            @Nullable Map<String, Object> request) {
    }

    /** A widget as listed (no secret) or as returned alone (with its secret). */
    record Widget(@Nullable String sitekey, @Nullable String secret, @Nullable String name,
            @Nullable List<String> domains, @Nullable String mode, @Nullable String clearanceLevel,
            @Nullable String region, @Nullable Boolean botFightMode, @Nullable Boolean offlabel,
            @Nullable Boolean ephemeralId, @Nullable String createdOn, @Nullable String modifiedOn,
            @Nullable String deployedVia, @Nullable String lastModifiedVia) {

        @Override
        public String toString() {
            return "Widget[sitekey=" + sitekey + ", name=" + name + "]";
        }
    }

    /**
     * The body of a create (POST) or an update (PUT): every writable field, always all of
     * them.
     */
    record WidgetBody(String name, List<String> domains, String mode, String clearanceLevel, String region,
            boolean botFightMode, boolean offlabel, boolean ephemeralId) {
    }

    /** The body of a secret rotation. */
    record RotateSecretBody(boolean invalidateImmediately) {
    }

}
