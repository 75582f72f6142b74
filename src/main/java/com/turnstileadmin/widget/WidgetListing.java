package com.turnstileadmin.widget;

import java.util.List;

/**
 * The page of a listing the user asked for, and how much of the account was searched for
 * it.
 *
 * @param page the widgets that match, the page asked for of them; its {@code totalCount}
 * counts every match found
 * @param examined how many widgets were read to find them; for a listing Cloudflare
 * filters alone, the matches it counted
 * @param complete {@code false} when a {@link SettingFilter} was matched over only the
 * first pages (the bound of {@link WidgetService#FILTER_PAGES}): widgets after them may
 * match too
 */
public record WidgetListing(WidgetPage page, int examined, boolean complete) {

    /**
     * A page that Cloudflare filtered alone, in one call: nothing was left unsearched.
     */
    public static WidgetListing of(WidgetPage page) {
        return new WidgetListing(page, page.totalCount(), true);
    }

    /**
     * The page {@code query} asks for of the widgets read that match {@code settings},
     * which the app matched itself.
     */
    static WidgetListing matching(AllWidgets read, SettingFilter settings, WidgetQuery query) {
        List<Widget> matching = read.widgets().stream().filter(settings::matches).toList();
        long first = (long) (query.page() - 1) * query.perPage();
        List<Widget> shown = first >= matching.size() ? List.of()
                : matching.subList((int) first, (int) Math.min(matching.size(), first + query.perPage()));
        return new WidgetListing(new WidgetPage(shown, query.page(), query.perPage(), matching.size()),
                read.widgets().size(), read.complete());
    }
}
