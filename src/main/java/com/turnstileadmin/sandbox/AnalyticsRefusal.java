package com.turnstileadmin.sandbox;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A query the sandbox's analytics refuse, answered as one GraphQL error with Cloudflare's
 * {@code extensions.code}: {@code authz} when the token may not read the account's
 * analytics, {@code BAD_REQUEST} when the query asks for more than the account allows.
 */
final class AnalyticsRefusal extends RuntimeException {

    static final String NOT_AUTHORIZED = "authz";

    static final String BAD_REQUEST = "BAD_REQUEST";

    private final String code;

    private final @Nullable List<Object> path;

    private AnalyticsRefusal(String code, String message, @Nullable List<Object> path) {
        super(message, null, false, false);
        this.code = code;
        this.path = path == null ? null : List.copyOf(path);
    }

    /** Refused at the field being fetched. */
    static AnalyticsRefusal badRequest(String message) {
        return new AnalyticsRefusal(BAD_REQUEST, message, null);
    }

    /**
     * The account is unknown, or the token lacks "Account Analytics Read": Cloudflare
     * does not tell the two apart.
     * @param path where, e.g. {@code viewer, accounts, 0}
     */
    static AnalyticsRefusal notAuthorized(List<Object> path) {
        return new AnalyticsRefusal(NOT_AUTHORIZED, "not authorized for that account", path);
    }

    String code() {
        return code;
    }

    /** Where, when it is not the field being fetched. */
    @Nullable List<Object> path() {
        return path;
    }

}
