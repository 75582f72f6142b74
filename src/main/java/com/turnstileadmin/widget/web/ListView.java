package com.turnstileadmin.widget.web;

import com.turnstileadmin.paging.Pager;
import com.turnstileadmin.paging.Paging;
import com.turnstileadmin.widget.Region;
import com.turnstileadmin.widget.SettingLabels;
import com.turnstileadmin.widget.WidgetListing;
import com.turnstileadmin.widget.WidgetMode;
import com.turnstileadmin.widget.WidgetPage;
import java.util.List;

/**
 * What the list page shows around the rows: the pager, the links that change the list's
 * state, the choices of the filters and whether a mode or region filter searched only
 * part of the account. Its URLs are context-relative; the page renders them with
 * {@code @{...}}.
 *
 * @param listPath the list's path, {@code /accounts/{id}/widgets}
 */
public record ListView(ListParams params, WidgetListing listing, String listPath) {

    /** A choice of a filter's select: the value in the URL, what the page calls it. */
    public record Choice(String value, String label) {
    }

    public WidgetPage page() {
        return listing.page();
    }

    public List<Choice> modes(SettingLabels labels) {
        return WidgetMode.KNOWN.stream().map(mode -> new Choice(mode.value(), labels.mode(mode))).toList();
    }

    public List<Choice> regions(SettingLabels labels) {
        return Region.KNOWN.stream().map(region -> new Choice(region.value(), labels.region(region))).toList();
    }

    /**
     * Whether the mode or region filter was matched over only the first widgets
     * ({@link com.turnstileadmin.widget.WidgetService#FILTER_PAGES} pages): more may
     * match after them.
     */
    public boolean isPartial() {
        return !listing.complete();
    }

    public List<Integer> pageSizes() {
        return Paging.SIZES;
    }

    public Pager pager() {
        WidgetPage page = page();
        return Pager.of(params.paging(), page.widgets().size(), page.totalCount(), page.hasNext(),
                number -> params.atPage(number).url(listPath));
    }

    public String sortUrl(String column) {
        return params.sortedBy(column).url(listPath);
    }

    public String currentUrl() {
        return params.url(listPath);
    }

    public String unfilteredUrl() {
        return params.unfiltered().url(listPath);
    }
}
