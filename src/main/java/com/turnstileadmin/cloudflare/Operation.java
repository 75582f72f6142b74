package com.turnstileadmin.cloudflare;

/**
 * The calls the adapter makes: the name metrics and the call log line give each (a fixed
 * set, so a metric's tags stay bounded), and the words exception messages use.
 */
enum Operation {

    LIST("list", "list widgets"), GET("get", "get widget"), CREATE("create", "create widget"),
    UPDATE("update", "update widget"), ROTATE_SECRET("rotate_secret", "rotate widget secret"),
    DELETE("delete", "delete widget");

    private final String tag;

    private final String description;

    Operation(String tag, String description) {
        this.tag = tag;
        this.description = description;
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
