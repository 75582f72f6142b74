package com.turnstileadmin.widget;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One page of a widget listing: which page, how large, in which order and with which
 * filter.
 *
 * @param page 1-based page number
 * @param perPage 5 to 1000, Cloudflare's limits
 * @param sort the order; {@code null} leaves it to Cloudflare
 * @param filter {@code null} for every widget
 */
public record WidgetQuery(int page, int perPage, @Nullable WidgetSort sort, @Nullable WidgetFilter filter) {

    public static final int MIN_PER_PAGE = 5;

    public static final int MAX_PER_PAGE = 1000;

    public static final int DEFAULT_PER_PAGE = 25;

    public WidgetQuery {
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more, was " + page);
        }
        if (perPage < MIN_PER_PAGE || perPage > MAX_PER_PAGE) {
            throw new IllegalArgumentException(
                    "perPage must be " + MIN_PER_PAGE + " to " + MAX_PER_PAGE + ", was " + perPage);
        }
    }

    /** The first page of every widget, in Cloudflare's default order and page size. */
    public static WidgetQuery firstPage() {
        return new WidgetQuery(1, DEFAULT_PER_PAGE, null, null);
    }

    /**
     * The first page at the smallest size Cloudflare allows: the cheapest answer to
     * whether it answers at all.
     */
    public static WidgetQuery smallestPage() {
        return new WidgetQuery(1, MIN_PER_PAGE, null, null);
    }

    public WidgetQuery withPage(int newPage) {
        return new WidgetQuery(newPage, perPage, sort, filter);
    }

    public WidgetQuery withPerPage(int newPerPage) {
        return new WidgetQuery(page, newPerPage, sort, filter);
    }

    public WidgetQuery sortedBy(WidgetSort newSort) {
        return new WidgetQuery(page, perPage, Objects.requireNonNull(newSort), filter);
    }

    public WidgetQuery filteredBy(WidgetFilter newFilter) {
        return new WidgetQuery(page, perPage, sort, Objects.requireNonNull(newFilter));
    }
}
