package com.turnstileadmin.cloudflare;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The Cloudflare API's JSON, field for field (snake_case through the adapter's mapper).
 * Only this package sees these types: everything else speaks in the domain types of the
 * widget package. Unknown fields are ignored, and every field may be missing:
 * {@link WireMapping} decides what is required.
 */
final class WirePayloads {

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
    record ResultInfo(@Nullable Integer page, @Nullable Integer perPage, @Nullable Integer count,
            @Nullable Integer totalCount) {
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
