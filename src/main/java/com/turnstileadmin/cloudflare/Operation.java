package com.turnstileadmin.cloudflare;

/**
 * The calls the adapter makes: the name metrics and the call log line give each (a fixed
 * set, so a metric's tags stay bounded), and the words exception messages use.
 */
enum Operation {

    LIST("list", "list widgets", Limit.API, true), GET("get", "get widget", Limit.API, true),
    CREATE("create", "create widget", Limit.API, false), UPDATE("update", "update widget", Limit.API, false),
    ROTATE_SECRET("rotate_secret", "rotate widget secret", Limit.API, false),
    DELETE("delete", "delete widget", Limit.API, false),
    AUDIT_LOGS("audit_logs", "read the account's audit logs", Limit.API, true),
    VERIFY_TOKEN("verify_token", "verify the API token", Limit.API, true),
    ANALYTICS_SETTINGS("analytics_settings", "read analytics settings", Limit.GRAPHQL, true),
    ANALYTICS_TRAFFIC("analytics_traffic", "read widget analytics", Limit.GRAPHQL, true);

    /** Which of Cloudflare's rate limits a call spends. */
    enum Limit {

        /** The API's, 1200 calls per five minutes per user. */
        API("widget API"),
        /**
         * GraphQL Analytics' own, about 300 queries per five minutes per user, besides
         * the API's.
         */
        GRAPHQL("analytics");

        private final String description;

        Limit(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }

    }

    private final String tag;

    private final String description;

    private final Limit limit;

    private final boolean read;

    Operation(String tag, String description, Limit limit, boolean read) {
        this.tag = tag;
        this.description = description;
        this.limit = limit;
        this.read = read;
    }

    Limit limit() {
        return limit;
    }

    /**
     * Whether it only reads, and so may be retried; GraphQL reads are POSTs, so the
     * method cannot tell.
     */
    boolean read() {
        return read;
    }

    /** As metrics and the call log line name it, e.g. {@code rotate_secret}. */
    String tag() {
        return tag;
    }

    /** As messages say it, e.g. {@code rotate widget secret}. */
    String description() {
        return description;
    }

}
