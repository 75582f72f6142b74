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

    /** Whether a page after this one holds more widgets. */
    public boolean hasNext() {
        return !widgets.isEmpty() && (long) page * perPage < totalCount;
    }
}
