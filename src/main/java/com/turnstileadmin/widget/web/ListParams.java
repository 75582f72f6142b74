package com.turnstileadmin.widget.web;

import com.turnstileadmin.paging.Paging;
import com.turnstileadmin.paging.QueryUrl;
import com.turnstileadmin.widget.Region;
import com.turnstileadmin.widget.SettingFilter;
import com.turnstileadmin.widget.WidgetFilter;
import com.turnstileadmin.widget.WidgetMode;
import com.turnstileadmin.widget.WidgetQuery;
import com.turnstileadmin.widget.WidgetSort;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The state of the widget list as it lives in the URL query
 * ({@code ?q=shop&by=name&mode=invisible&
 * region=world&sort=name&dir=asc&size=50&page=2}), so that a link can be shared and Back
 * and Forward work. Spring MVC binds the query to this record's constructor, which gives
 * whatever is missing or malformed its default rather than failing: it is a list, not a
 * form. (The numbers are read by {@link com.turnstileadmin.paging.LenientNumberEditor}.)
 * The default order is the newest first, where a widget just created is; without a
 * direction, a column sorts its natural way: names and sitekeys A to Z, times the newest
 * first.
 *
 * @param q the filter text, stripped, at most {@value #MAX_FILTER_LENGTH} characters;
 * empty for every widget
 * @param by what the filter searches: {@code name} or {@code sitekey}
 * @param mode a {@link WidgetMode}'s value, or empty for every mode
 * @param region a {@link Region}'s value, or empty for every region
 * @param sort the column to sort by: one of {@link #SORTABLE}
 * @param dir {@code asc} or {@code desc}
 * @param page see {@link Paging}
 * @param size see {@link Paging}
 */
public record ListParams(String q, String by, String mode, String region, String sort, String dir, int page, int size) {

    public static final List<String> SORTABLE = List.of("name", "sitekey", "created", "modified");
    static final String DEFAULT_SORT = "created";
    static final int MAX_FILTER_LENGTH = 100;

    public ListParams(@Nullable String q, @Nullable String by, @Nullable String mode, @Nullable String region,
            @Nullable String sort, @Nullable String dir, int page, int size) {
        String text = q == null ? "" : q.strip();
        this.q = text.length() > MAX_FILTER_LENGTH ? text.substring(0, MAX_FILTER_LENGTH) : text;
        this.by = "sitekey".equals(by) ? "sitekey" : "name";
        this.mode = known(mode, WidgetMode.KNOWN.stream().map(WidgetMode::value).toList());
        this.region = known(region, Region.KNOWN.stream().map(Region::value).toList());
        this.sort = sort != null && SORTABLE.contains(sort) ? sort : DEFAULT_SORT;
        this.dir = "asc".equals(dir) || "desc".equals(dir) ? dir : naturalDirection(this.sort);
        Paging paging = new Paging(page, size);
        this.page = paging.page();
        this.size = paging.size();
    }

    public Paging paging() {
        return new Paging(page, size);
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
            query = query.filteredBy(
                    new WidgetFilter("sitekey".equals(by) ? WidgetFilter.Field.SITEKEY : WidgetFilter.Field.NAME, q));
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

    /**
     * Whether a mode or region is chosen: what the app matches over the pages it reads.
     */
    public boolean isFilteredBySettings() {
        return !mode.isEmpty() || !region.isEmpty();
    }

    /**
     * The state after clicking a column header: sorted by it, its natural way, or flipped
     * if it already was.
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

    /**
     * The list's URL in this state, with only the parameters that differ from their
     * defaults.
     */
    public String url(String listPath) {
        QueryUrl url = QueryUrl.of(listPath).with("q", q);
        if (!q.isEmpty() || !"name".equals(by)) {
            url.with("by", by);
        }
        url.with("mode", mode).with("region", region);
        if (!DEFAULT_SORT.equals(sort) || !naturalDirection(sort).equals(dir)) {
            url.with("sort", sort).with("dir", dir);
        }
        return url.with(paging()).toString();
    }

    /** Names and sitekeys read A to Z; times are read for what is new. */
    private static String naturalDirection(String column) {
        return "created".equals(column) || "modified".equals(column) ? "desc" : "asc";
    }

    private static String known(@Nullable String value, List<String> values) {
        return value != null && values.contains(value) ? value : "";
    }
}
