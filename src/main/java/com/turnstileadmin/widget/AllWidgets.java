package com.turnstileadmin.widget;

import com.turnstileadmin.account.AccountId;
import java.util.ArrayList;
import java.util.List;

/**
 * Every widget of an account, read page by page (for a filter Cloudflare cannot apply).
 * Stops on an empty or short page or once {@code total_count} widgets have come (see
 * {@link WidgetPage#hasNext()}), and never reads more than {@code maxPages} pages, so a
 * misbehaving API cannot make it loop.
 *
 * @param complete {@code false} when the page cap stopped the walk before the end
 */
public record AllWidgets(List<Widget> widgets, boolean complete) {

    /**
     * The largest page Cloudflare serves, so that a walk takes as few calls as possible.
     */
    static final int PAGE_SIZE = WidgetQuery.MAX_PER_PAGE;

    public AllWidgets {
        widgets = List.copyOf(widgets);
    }

    public static AllWidgets read(TurnstileWidgets api, AccountId account, WidgetQuery query, int maxPages) {
        return read(api, account, query, maxPages, () -> {
        });
    }

    /**
     * As {@link #read(TurnstileWidgets, AccountId, WidgetQuery, int)}, running
     * {@code beforeEachPage} before each page's call: to take the call from a budget,
     * say, which may refuse it by throwing.
     */
    public static AllWidgets read(TurnstileWidgets api, AccountId account, WidgetQuery query, int maxPages,
            Runnable beforeEachPage) {
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be 1 or more");
        }
        List<Widget> widgets = new ArrayList<>();
        WidgetQuery next = query.withPage(1).withPerPage(PAGE_SIZE);
        for (int pages = 0; pages < maxPages; pages++) {
            beforeEachPage.run();
            WidgetPage page = api.list(account, next);
            widgets.addAll(page.widgets());
            if (!page.hasNext()) {
                return new AllWidgets(widgets, true);
            }
            next = next.withPage(next.page() + 1);
        }
        return new AllWidgets(widgets, false);
    }
}
