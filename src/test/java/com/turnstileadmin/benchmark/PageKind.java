package com.turnstileadmin.benchmark;

/**
 * What a user of the load benchmark asks for; the history comes with each details page,
 * as in a browser.
 */
enum PageKind {

    LIST("list page", true), FRAGMENT("list fragment (htmx)", true), DETAILS("details page", true),
    HISTORY("its history (htmx)", false);

    private final String label;

    private final boolean pageView;

    PageKind(String label, boolean pageView) {
        this.label = label;
        this.pageView = pageView;
    }

    String label() {
        return label;
    }

    /**
     * Whether it is a page view of its own, which costs one Cloudflare call; the history
     * is part of the details' view.
     */
    boolean pageView() {
        return pageView;
    }

}
