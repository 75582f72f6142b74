package com.turnstileadmin.widget.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.paging.QueryBinding;
import com.turnstileadmin.widget.Region;
import com.turnstileadmin.widget.SettingFilter;
import com.turnstileadmin.widget.WidgetFilter;
import com.turnstileadmin.widget.WidgetMode;
import com.turnstileadmin.widget.WidgetQuery;
import com.turnstileadmin.widget.WidgetSort;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListParamsTest {

    private static final ListParams DEFAULTS = new ListParams("", "name", "", "", "created", "desc", 1, 25);

    private static final String LIST = "/accounts/023e105f4ecef8ad9ca31a8372d0c353/widgets";

    @Test
    void absentParametersTakeTheirDefaultsTheNewestFirst() {
        assertThat(params(Map.of())).isEqualTo(DEFAULTS);
        assertThat(DEFAULTS.toQuery())
            .isEqualTo(new WidgetQuery(1, 25, WidgetSort.descending(WidgetSort.Field.CREATED_ON), null));
        assertThat(DEFAULTS.ariaSort("created")).isEqualTo("descending");
    }

    @ParameterizedTest
    @CsvSource({ "page, -1", "page, abc", "page, 0", "page, 1.5", "page, 9999999999", "size, 7", "size, abc",
            "size, -25", "page, 0x10", "sort, drop table", "sort, NAME", "dir, up", "by, owner", "mode, MANAGED",
            "mode, puzzle", "region, mars" })
    void aMalformedValueFallsBackToItsDefault(String parameter, String value) {
        assertThat(params(Map.of(parameter, value))).isEqualTo(DEFAULTS);
    }

    @Test
    void wellFormedValuesAreKept() {
        assertThat(params(Map.of("q", "shop", "by", "sitekey", "mode", "invisible", "region", "china", "sort", "name",
                "dir", "desc", "page", "3", "size", "50")))
            .isEqualTo(new ListParams("shop", "sitekey", "invisible", "china", "name", "desc", 3, 50));
        assertThat(params(Map.of("page", "100001")).page()).isEqualTo(100_000);
    }

    @ParameterizedTest
    @CsvSource({ "name, asc", "sitekey, asc", "created, desc", "modified, desc" })
    void aColumnWithoutADirectionSortsItsNaturalWayNamesAToZTimesTheNewestFirst(String sort, String dir) {
        assertThat(params(Map.of("sort", sort)).dir()).isEqualTo(dir);
    }

    @Test
    void theFilterTextIsStrippedAndCutAt100Characters() {
        assertThat(params(Map.of("q", " \t shop \n")).q()).isEqualTo("shop");
        assertThat(params(Map.of("q", "  " + "x".repeat(150))).q()).isEqualTo("x".repeat(100));
    }

    @ParameterizedTest
    @CsvSource({ "name, NAME", "sitekey, SITEKEY", "created, CREATED_ON", "modified, MODIFIED_ON" })
    void aSortedListAsksForThatOrder(String sort, WidgetSort.Field field) {
        assertThat(params(Map.of("sort", sort, "dir", "asc", "page", "2", "size", "50")).toQuery())
            .isEqualTo(new WidgetQuery(2, 50, WidgetSort.ascending(field), null));
    }

    @Test
    void aFilteredListAsksForTheFilterOnTheChosenField() {
        assertThat(params(Map.of("q", "shop")).toQuery().filter()).isEqualTo(WidgetFilter.nameContains("shop"));
        assertThat(params(Map.of("q", "0x4A", "by", "sitekey")).toQuery().filter())
            .isEqualTo(WidgetFilter.sitekeyContains("0x4A"));
    }

    @Test
    void modeAndRegionAreMatchedByTheAppNotAskedOfCloudflare() {
        ListParams params = params(Map.of("mode", "non-interactive", "region", "world"));

        assertThat(params.toQuery().filter()).isNull();
        assertThat(params.toSettingFilter()).isEqualTo(new SettingFilter(WidgetMode.NON_INTERACTIVE, Region.WORLD));
        assertThat(params.isFiltered()).isTrue();
        assertThat(params.isFilteredBySettings()).isTrue();
        assertThat(DEFAULTS.toSettingFilter().isEmpty()).isTrue();
        assertThat(params.unfiltered()).isEqualTo(DEFAULTS);
    }

    @Test
    void clickingTheSortedColumnAgainFlipsTheDirection() {
        ListParams sortedByName = params(Map.of("q", "shop", "sort", "name", "dir", "asc", "page", "3", "size", "50"));

        assertThat(sortedByName.sortedBy("name"))
            .isEqualTo(new ListParams("shop", "name", "", "", "name", "desc", 1, 50));
        assertThat(sortedByName.sortedBy("name").sortedBy("name")).isEqualTo(sortedByName.atPage(1));
        assertThat(DEFAULTS.sortedBy("created").dir()).as("the default, the newest first, flipped").isEqualTo("asc");
    }

    @ParameterizedTest
    @CsvSource({ "name, asc", "sitekey, asc", "modified, desc" })
    void clickingAnotherColumnSortsItItsNaturalWayFromTheFirstPage(String column, String dir) {
        ListParams sortedByNameDescending = params(
                Map.of("mode", "managed", "sort", "name", "dir", "desc", "page", "3"));

        assertThat(sortedByNameDescending.sortedBy(column))
            .isEqualTo(new ListParams("", "name", "managed", "", column, dir, 1, 25));
    }

    @ParameterizedTest
    @CsvSource({ "name, asc, name, ascending", "name, desc, name, descending", "name, desc, created, none",
            "'', '', created, descending", "'', '', name, none" })
    void ariaSortTellsHowAColumnIsSorted(String sort, String dir, String column, String ariaSort) {
        assertThat(params(Map.of("sort", sort, "dir", dir)).ariaSort(column)).isEqualTo(ariaSort);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|',
            value = { "''   | ''      | ''        | ''      | ''   | ''  | ''  | ''",
                    "''   | sitekey | ''        | ''      | ''   | ''  | ''  | ?by=sitekey",
                    "shop | ''      | ''        | ''      | ''   | ''  | ''  | ?q=shop&by=name",
                    "''   | ''      | ''        | created | desc | 2   | 50  | ?size=50&page=2",
                    "''   | ''      | ''        | created | asc  | ''  | ''  | ?sort=created&dir=asc",
                    "''   | name    | invisible | name    | asc  | 1   | 25  | ?mode=invisible&sort=name&dir=asc",
                    "''   | ''      | china     | ''      | ''   | ''  | ''  | ?region=china" })
    void theUrlKeepsOnlyWhatDiffersFromTheDefaults(String q, String by, String modeOrRegion, String sort, String dir,
            String page, String size, String query) {
        Map<String, String> parameters = new HashMap<>(
                Map.of("q", q, "by", by, "sort", sort, "dir", dir, "page", page, "size", size));
        parameters.put("china".equals(modeOrRegion) ? "region" : "mode", modeOrRegion);
        assertThat(params(parameters).url(LIST)).isEqualTo(LIST + query);
    }

    @Test
    void theFilterTextSurvivesTheUrlWhateverItHolds() {
        String text = "50% off + free & fast #1 café {x}=?/";

        String url = params(Map.of("q", text)).url(LIST);

        assertThat(url).matches("[\\x21-\\x7e]+").doesNotContain("+", "#", "{");
        assertThat(queryParameters(url)).containsEntry("q", text).containsEntry("by", "name").hasSize(2);
    }

    /**
     * The list's state for these query parameters, as Spring MVC binds them; an empty
     * value is as good as absent.
     */
    private static ListParams params(Map<String, String> query) {
        Map<String, String> given = new HashMap<>(query);
        given.values().removeIf(String::isEmpty);
        return QueryBinding.bind(ListParams.class, given);
    }

    private static Map<String, String> queryParameters(String url) {
        Map<String, String> parameters = new HashMap<>();
        Arrays.stream(url.substring(url.indexOf('?') + 1).split("&"))
            .map(pair -> pair.split("=", 2))
            .forEach(pair -> parameters.put(pair[0], URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
        return parameters;
    }

}
