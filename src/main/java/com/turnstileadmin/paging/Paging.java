package com.turnstileadmin.paging;

import java.util.List;

/**
 * Which page of a list to show and how many entries a page holds, as the URL asks for
 * them ({@code ?size=50&page=2}). A number that makes no sense falls back to its default
 * rather than failing: a list is not a form, and a stale or hand-made link should still
 * open it.
 *
 * @param page the page, from 1; a smaller number (0 when none was given) is 1, a larger
 * one than {@link #MAX_PAGE} is that
 * @param size one of {@link #SIZES}; any other (0 when none was given) is
 * {@link #DEFAULT_SIZE}
 */
public record Paging(int page, int size) {

    /** The page sizes a list offers. */
    public static final List<Integer> SIZES = List.of(10, 25, 50, 100);

    public static final int DEFAULT_SIZE = 25;

    /** Far past any list's end, and small enough that no offset overflows. */
    public static final int MAX_PAGE = 100_000;

    public Paging {
        page = Math.max(1, Math.min(page, MAX_PAGE));
        size = SIZES.contains(size) ? size : DEFAULT_SIZE;
    }

    public Paging atPage(int newPage) {
        return new Paging(newPage, size);
    }

    /** How many entries lie before this page's first. */
    public long offset() {
        return (long) (page - 1) * size;
    }
}
