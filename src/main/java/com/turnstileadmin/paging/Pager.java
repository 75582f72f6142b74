package com.turnstileadmin.paging;

import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * What the pager under a list shows ({@code fragments/pager.html}): which entries the
 * page holds of how many ("26–50 of 2,000"), and the links to the pages beside it.
 *
 * @param first the number of the page's first entry, from 1; 0 when the page is empty
 * @param last the number of its last entry
 * @param total how many entries there are on every page
 * @param pastTheEnd whether the page asked for lies past the last one (a stale link, say)
 * rather than the list being empty
 * @param previousUrl {@code null} on the first page, and past the end, where the page
 * before may be empty too: the page offers the first page instead
 * @param nextUrl {@code null} on the last page
 */
public record Pager(long first, long last, long total, boolean pastTheEnd, @Nullable String previousUrl,
        @Nullable String nextUrl, String firstPageUrl) {

    /**
     * The pager of the page {@code paging} asked for, which holds {@code shown} entries.
     * @param urlOfPage the list's URL in its current state at another page
     */
    public static Pager of(Paging paging, int shown, long total, boolean hasNext, IntFunction<String> urlOfPage) {
        int page = paging.page();
        boolean empty = shown == 0;
        long first = empty ? 0 : paging.offset() + 1;
        return new Pager(first, empty ? 0 : first + shown - 1, total, empty && page > 1,
                page > 1 && !empty ? urlOfPage.apply(page - 1) : null, hasNext ? urlOfPage.apply(page + 1) : null,
                urlOfPage.apply(1));
    }
}
