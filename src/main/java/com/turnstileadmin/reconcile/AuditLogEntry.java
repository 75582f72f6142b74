package com.turnstileadmin.reconcile;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an account's audit log about a widget, as far as naming who changed it
 * needs.
 *
 * @param sitekey the widget's ({@code resource.id})
 * @param method the request's HTTP method ({@code raw.method}): POST for a create and a
 * rotation, PUT for an update, DELETE
 * @param uri the request's path ({@code raw.uri}); a rotation's ends in
 * {@code /rotate_secret}
 * @param context how the actor called: {@code dash} (Cloudflare's dashboard),
 * {@code api_token}, {@code api_key}, {@code oauth}...
 * @param tokenName the API token's name, for {@code api_token}
 * @param invalidateImmediately for a rotation, whether its request invalidated the
 * previous secret at once; {@code null} where the entry has no request
 */
public record AuditLogEntry(Instant time, String sitekey, String method, String uri, @Nullable String actorId,
        @Nullable String email, @Nullable String context, @Nullable String tokenId, @Nullable String tokenName,
        @Nullable Boolean invalidateImmediately) {

    /** Whether it records a rotation of the widget's secret. */
    public boolean isRotation() {
        return uri.endsWith("/rotate_secret");
    }

}
