package com.turnstileadmin.widget.web;

import com.turnstileadmin.widget.Region;
import com.turnstileadmin.widget.SettingFilter;
import com.turnstileadmin.widget.WidgetFilter;
import com.turnstileadmin.widget.WidgetMode;
import com.turnstileadmin.widget.WidgetQuery;
import com.turnstileadmin.widget.WidgetSort;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The state of the widget list as it lives in the URL query ({@code ?q=shop&by=name&mode=invisible&
 * region=world&sort=name&dir=asc&size=50&page=2}), so that a link can be shared and Back and Forward
 * work. Whatever is missing or malformed in a URL falls back to its default rather than failing: it is
 * a list, not a form. The default order is the newest first, where a widget just created is.
 *
 * @param q the filter text, empty for every widget
 * @param by what the filter searches: {@code name} or {@code sitekey}
 * @param mode a {@link WidgetMode}'s value, or empty for every mode
 * @param region a {@link Region}'s value, or empty for every region
 * @param sort the column to sort by: one of {@link #SORTABLE}
 * @param dir {@code asc} or {@code desc}
 */
public record ListParams(String q, String by, String mode, String region, String sort, String dir, int page,
        int size) {

    public static final List<Integer> PAGE_SIZES = List.of(10, 25, 50, 100);
    public static final List<String> SORTABLE = List.of("name", "sitekey", "created", "modified");
    static final String DEFAULT_SORT = "created";
    static final int DEFAULT_SIZE = 25;
    static final int MAX_FILTER_LENGTH = 100;

    /**
     * Reads the query parameters ({@code q, by, mode, region, sort, dir, page, size}), each as it came
     * or, if absent or malformed, its default. Without a direction, a column sorts its natural way:
     * names and sitekeys A to Z, times the newest first.
     */
    public static ListParams of(Map<String, String> query) {
        String text = query.getOrDefault("q", "").strip();
        String sort = query.get("sort");
        String column = sort != null && SORTABLE.contains(sort) ? sort : DEFAULT_SORT;
        String dir = query.get("dir");
        int size = parse(query.get("size"), DEFAULT_SIZE);
        return new ListParams(
                text.length() > MAX_FILTER_LENGTH ? text.substring(0, MAX_FILTER_LENGTH) : text,
                "sitekey".equals(query.get("by")) ? "sitekey" : "name",
                known(query.get("mode"), WidgetMode.KNOWN.stream().map(WidgetMode::value).toList()),
                known(query.get("region"), Region.KNOWN.stream().map(Region::value).toList()),
                column,
                "asc".equals(dir) || "desc".equals(dir) ? dir : naturalDirection(column),
                Math.max(1, Math.min(parse(query.get("page"), 1), 100_000)),
                PAGE_SIZES.contains(size) ? size : DEFAULT_SIZE);
    }

    /** The list as it opens: every widget, the newest first. */
    public static ListParams defaults() {
        return of(Map.of());
    }

    public WidgetQuery toQuery() {
        WidgetSort.Field field = switch (sort) {
            case "name" -> WidgetSort.Field.NAME;
            case "sitekey" -> WidgetSort.Field.SITEKEY;
            case "modified" -> WidgetSort.Field.MODIFIED_ON;
            default -> WidgetSort.Field.CREATED_ON;
        };
        WidgetQuery query = new WidgetQuery(page, size, null, null)
                .sortedBy(new WidgetSort(field, WidgetSort.Direction.valueOf(dir.toUpperCase(Locale.ROOT))));
        if (!q.isEmpty()) {
            query = query.filteredBy(new WidgetFilter("sitekey".equals(by) ? WidgetFilter.Field.SITEKEY
                    : WidgetFilter.Field.NAME, q));
        }
        return query;
    }

    /** What the app matches itself, as Cloudflare cannot: the mode and region chosen. */
    public SettingFilter toSettingFilter() {
        return new SettingFilter(mode.isEmpty() ? null : new WidgetMode(mode),
                region.isEmpty() ? null : new Region(region));
    }

    public boolean isFiltered() {
        return !q.isEmpty() || isFilteredBySettings();
    }

    /** Whether a mode or region is chosen: what the app matches over the pages it reads. */
    public boolean isFilteredBySettings() {
        return !mode.isEmpty() || !region.isEmpty();
    }

    /**
     * The state after clicking a column header: sorted by it, its natural way (see {@link #of}), or
     * flipped if it already was.
     */
    public ListParams sortedBy(String column) {
        String newDir = !column.equals(sort) ? naturalDirection(column) : "asc".equals(dir) ? "desc" : "asc";
        return new ListParams(q, by, mode, region, column, newDir, 1, size);
    }

    /** The {@code aria-sort} value of a column header. */
    public String ariaSort(String column) {
        if (!column.equals(sort)) {
            return "none";
        }
        return "asc".equals(dir) ? "ascending" : "descending";
    }

    public ListParams atPage(int newPage) {
        return new ListParams(q, by, mode, region, sort, dir, newPage, size);
    }

    public ListParams unfiltered() {
        return new ListParams("", by, "", "", sort, dir, 1, size);
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
        if (!mode.isEmpty()) {
            values.put("mode", mode);
        }
        if (!region.isEmpty()) {
            values.put("region", region);
        }
        if (!DEFAULT_SORT.equals(sort) || !naturalDirection(sort).equals(dir)) {
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

    /** Names and sitekeys read A to Z; times are read for what is new. */
    private static String naturalDirection(String column) {
        return "created".equals(column) || "modified".equals(column) ? "desc" : "asc";
    }

    private static String known(@Nullable String value, List<String> values) {
        return value != null && values.contains(value) ? value : "";
    }

    private static int parse(@Nullable String value, int fallback) {
        if (value == null || !value.matches("\\d{1,9}")) {
            return fallback;
        }
        return Integer.parseInt(value);
    }
}
