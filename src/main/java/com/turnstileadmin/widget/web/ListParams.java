package com.turnstileadmin.widget.web;

import com.turnstileadmin.widget.WidgetFilter;
import com.turnstileadmin.widget.WidgetQuery;
import com.turnstileadmin.widget.WidgetSort;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The state of the widget list as it lives in the URL query ({@code ?q=shop&by=name&sort=created&
 * dir=desc&size=50&page=2}), so that a link can be shared and Back and Forward work. Whatever is
 * missing or malformed in a URL falls back to its default rather than failing: it is a list, not a
 * form.
 *
 * @param q the filter text, empty for every widget
 * @param by what the filter searches: {@code name} or {@code sitekey}
 * @param sort the column to sort by, empty for Cloudflare's order
 * @param dir {@code asc} or {@code desc}
 */
public record ListParams(String q, String by, String sort, String dir, int page, int size) {

    public static final List<Integer> PAGE_SIZES = List.of(10, 25, 50, 100);
    public static final List<String> SORTABLE = List.of("name", "sitekey", "created", "modified");
    static final int DEFAULT_SIZE = 25;
    static final int MAX_FILTER_LENGTH = 100;

    /** Reads the query parameters, each as it came or, if absent or malformed, its default. */
    public static ListParams of(@Nullable String q, @Nullable String by, @Nullable String sort, @Nullable String dir,
            @Nullable String page, @Nullable String size) {
        String text = q == null ? "" : q.strip();
        return new ListParams(
                text.length() > MAX_FILTER_LENGTH ? text.substring(0, MAX_FILTER_LENGTH) : text,
                "sitekey".equals(by) ? "sitekey" : "name",
                sort != null && SORTABLE.contains(sort) ? sort : "",
                "desc".equals(dir) ? "desc" : "asc",
                Math.max(1, Math.min(parse(page, 1), 100_000)),
                PAGE_SIZES.contains(parse(size, DEFAULT_SIZE)) ? parse(size, DEFAULT_SIZE) : DEFAULT_SIZE);
    }

    public WidgetQuery toQuery() {
        WidgetQuery query = new WidgetQuery(page, size, null, null);
        if (!sort.isEmpty()) {
            WidgetSort.Field field = switch (sort) {
                case "sitekey" -> WidgetSort.Field.SITEKEY;
                case "created" -> WidgetSort.Field.CREATED_ON;
                case "modified" -> WidgetSort.Field.MODIFIED_ON;
                default -> WidgetSort.Field.NAME;
            };
            query = query.sortedBy(new WidgetSort(field, WidgetSort.Direction.valueOf(dir.toUpperCase(Locale.ROOT))));
        }
        if (!q.isEmpty()) {
            query = query.filteredBy(new WidgetFilter("sitekey".equals(by) ? WidgetFilter.Field.SITEKEY
                    : WidgetFilter.Field.NAME, q));
        }
        return query;
    }

    public boolean isFiltered() {
        return !q.isEmpty();
    }

    /** The state after clicking a column header: sorted by it, ascending, or flipped if it already was. */
    public ListParams sortedBy(String column) {
        String newDir = column.equals(sort) && "asc".equals(dir) ? "desc" : "asc";
        return new ListParams(q, by, column, newDir, 1, size);
    }

    /** The {@code aria-sort} value of a column header. */
    public String ariaSort(String column) {
        if (!column.equals(sort)) {
            return "none";
        }
        return "asc".equals(dir) ? "ascending" : "descending";
    }

    public ListParams atPage(int newPage) {
        return new ListParams(q, by, sort, dir, newPage, size);
    }

    public ListParams unfiltered() {
        return new ListParams("", by, sort, dir, 1, size);
    }

    /** The list's URL in this state, with only the parameters that differ from their defaults. */
    public String url(String listPath) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (!q.isEmpty()) {
            values.put("q", q);
        }
        if (!q.isEmpty() || !"name".equals(by)) {
            values.put("by", by);
        }
        if (!sort.isEmpty()) {
            values.put("sort", sort);
            values.put("dir", dir);
        }
        if (size != DEFAULT_SIZE) {
            values.put("size", size);
        }
        if (page != 1) {
            values.put("page", page);
        }
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(listPath);
        // As URI variables, the values are encoded strictly: a '+' or '&' in the filter stays itself.
        values.keySet().forEach(name -> url.queryParam(name, "{" + name + "}"));
        return url.encode().buildAndExpand(values).toUriString();
    }

    private static int parse(@Nullable String value, int fallback) {
        if (value == null || !value.matches("\\d{1,9}")) {
            return fallback;
        }
        return Integer.parseInt(value);
    }
}
