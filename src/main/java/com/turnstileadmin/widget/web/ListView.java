package com.turnstileadmin.widget.web;

import com.turnstileadmin.widget.WidgetPage;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What the list page shows around the rows: the range ("26–50 of 2,000") and the pager's links.
 *
 * @param listPath the list's path, {@code /accounts/{id}/widgets}
 */
public record ListView(ListParams params, WidgetPage page, String listPath) {

    public List<Integer> pageSizes() {
        return ListParams.PAGE_SIZES;
    }

    public String range() {
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
        return page.widgets().isEmpty() && params.page() > 1;
    }

    public @Nullable String previousUrl() {
        // Past the end, the page before may be empty too: the page offers the first page instead.
        return params.page() > 1 && !isPastTheEnd() ? params.atPage(params.page() - 1).url(listPath) : null;
    }

    public @Nullable String nextUrl() {
        return page.hasNext() ? params.atPage(params.page() + 1).url(listPath) : null;
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
