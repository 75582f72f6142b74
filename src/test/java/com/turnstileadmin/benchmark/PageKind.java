package com.turnstileadmin.benchmark;

import org.jspecify.annotations.Nullable;

/**
 * What a user of the load benchmark asks for; the sparklines come with each list view,
 * the history and the health panel with each details page, as in a browser.
 */
enum PageKind {

    LIST("list page", null), FRAGMENT("list fragment (htmx)", null),
    SPARKLINES("the list's sparklines (htmx)", "the list's"), DETAILS("details page", null),
    HISTORY("its history (htmx)", "the details'"), PANEL("its health panel (htmx)", "the details'");

    private final String label;

    private final @Nullable String partOf;

    PageKind(String label, @Nullable String partOf) {
        this.label = label;
        this.partOf = partOf;
    }

    String label() {
        return label;
    }

    /**
     * Whether it is a page view of its own; the others load with one, and their calls are
     * counted with it.
     */
    boolean pageView() {
        return partOf == null;
    }

    /** Whose view this request is part of, e.g. "the details'"; null for a page view. */
    @Nullable String partOf() {
        return partOf;
    }

}
