package com.turnstileadmin.analytics;

/**
 * Cloudflare answered a GraphQL query with errors (over HTTP 200, as GraphQL does): the
 * token lacks the permission, the account's analytics are off, or the query asked for
 * more than the account allows. Asking again the same way would fail the same way.
 */
public final class AnalyticsRefusedException extends RuntimeException {

    /** Why, as far as Cloudflare's errors tell. */
    public enum Kind {

        /** The token lacks "Account Analytics Read". */
        PERMISSION_MISSING,

        /** The account may not query Turnstile analytics ({@code enabled: false}). */
        DISABLED,

        /**
         * The query itself was refused: a range too long or too old, an unknown field.
         */
        QUERY_REJECTED

    }

    private final Kind kind;

    /**
     * @param message Cloudflare's first error message, for the log (it names no secret)
     */
    public AnalyticsRefusedException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

}
