package com.turnstileadmin.widget;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param page the 1-based page number Cloudflare answered for
 * @param perPage the page size Cloudflare applied
 * @param totalCount how many widgets match in all, on every page
 */
public record WidgetPage(List<Widget> widgets, int page, int perPage, int totalCount) {

    public WidgetPage {
        widgets = List.copyOf(widgets);
    }

    /**
     * Whether a page after this one may hold more widgets. A short page is the last,
     * whatever {@code total_count} says: the OpenAPI document describes it as the total
     * "without any search parameters", so with a filter it may count widgets that no page
     * will show.
     */
    public boolean hasNext() {
        return widgets.size() >= perPage && (long) page * perPage < totalCount;
    }
}
