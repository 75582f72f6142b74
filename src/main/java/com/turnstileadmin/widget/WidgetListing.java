package com.turnstileadmin.widget;

/**
 * The page of a listing the user asked for, and how much of the account was searched for it.
 *
 * @param page the widgets that match, the page asked for of them; its {@code totalCount} counts every match
 *     found
 * @param examined how many widgets were read to find them; for a listing Cloudflare filters alone, the
 *     matches it counted
 * @param complete {@code false} when a {@link SettingFilter} was matched over only the first pages (the
 *     bound of {@link WidgetService#FILTER_PAGES}): widgets after them may match too
 */
public record WidgetListing(WidgetPage page, int examined, boolean complete) {

    /** A page that Cloudflare filtered alone, in one call: nothing was left unsearched. */
    public static WidgetListing of(WidgetPage page) {
        return new WidgetListing(page, page.totalCount(), true);
    }
}
