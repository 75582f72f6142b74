package com.turnstileadmin.widget.web;

import com.turnstileadmin.widget.Region;
import com.turnstileadmin.widget.SettingLabels;
import com.turnstileadmin.widget.WidgetListing;
import com.turnstileadmin.widget.WidgetMode;
import com.turnstileadmin.widget.WidgetPage;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What the list page shows around the rows: the range ("26–50 of 2,000"), the pager's links, the
 * choices of the filters and whether a mode or region filter searched only part of the account.
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
     * Whether the mode or region filter was matched over only the first widgets ({@link
     * WidgetService#FILTER_PAGES} pages): more may match after them.
     */
    public boolean isPartial() {
        return !listing.complete();
    }

    /** How many widgets were searched for a mode or region, "5,000". */
    public String examined() {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(listing.examined());
    }

    public List<Integer> pageSizes() {
        return ListParams.PAGE_SIZES;
    }

    public String range() {
        WidgetPage page = page();
        NumberFormat number = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        if (page.widgets().isEmpty()) {
            return "0 of " + number.format(page.totalCount());
        }
        long first = (long) (page.page() - 1) * page.perPage() + 1;
        long last = first + page.widgets().size() - 1;
        return number.format(first) + "–" + number.format(last) + " of " + number.format(page.totalCount());
    }

    /** Whether the page asked for lies past the last one (a stale link, say) rather than the list being empty. */
    public boolean isPastTheEnd() {
        return page().widgets().isEmpty() && params.page() > 1;
    }

    public @Nullable String previousUrl() {
        // Past the end, the page before may be empty too: the page offers the first page instead.
        return params.page() > 1 && !isPastTheEnd() ? params.atPage(params.page() - 1).url(listPath) : null;
    }

    public @Nullable String nextUrl() {
        return page().hasNext() ? params.atPage(params.page() + 1).url(listPath) : null;
    }

    public String sortUrl(String column) {
        return params.sortedBy(column).url(listPath);
    }

    public String currentUrl() {
        return params.url(listPath);
    }

    public String firstPageUrl() {
        return params.atPage(1).url(listPath);
    }

    public String unfilteredUrl() {
        return params.unfiltered().url(listPath);
    }
}
