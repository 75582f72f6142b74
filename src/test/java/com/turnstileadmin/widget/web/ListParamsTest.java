package com.turnstileadmin.widget.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.widget.WidgetFilter;
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

    private static final ListParams DEFAULTS = new ListParams("", "name", "", "asc", 1, 25);
    private static final String LIST = "/accounts/023e105f4ecef8ad9ca31a8372d0c353/widgets";

    @Test
    void absentParametersTakeTheirDefaults() {
        assertThat(params(Map.of())).isEqualTo(DEFAULTS);
    }

    @ParameterizedTest
    @CsvSource({"page, -1", "page, abc", "page, 0", "page, 1.5", "page, 9999999999", "size, 7", "size, abc",
            "size, -25", "sort, drop table", "sort, NAME", "dir, up", "by, owner"})
    void aMalformedValueFallsBackToItsDefault(String parameter, String value) {
        assertThat(params(Map.of(parameter, value))).isEqualTo(DEFAULTS);
    }

    @Test
    void wellFormedValuesAreKept() {
        assertThat(ListParams.of("shop", "sitekey", "created", "desc", "3", "50"))
                .isEqualTo(new ListParams("shop", "sitekey", "created", "desc", 3, 50));
        assertThat(params(Map.of("page", "100001")).page()).isEqualTo(100_000);
    }

    @Test
    void theFilterTextIsStrippedAndCutAt100Characters() {
        assertThat(params(Map.of("q", " \t shop \n")).q()).isEqualTo("shop");
        assertThat(params(Map.of("q", "  " + "x".repeat(150))).q()).isEqualTo("x".repeat(100));
    }

    @ParameterizedTest
    @CsvSource({"name, NAME", "sitekey, SITEKEY", "created, CREATED_ON", "modified, MODIFIED_ON"})
    void aSortedListAsksForThatOrder(String sort, WidgetSort.Field field) {
        assertThat(ListParams.of(null, null, sort, "desc", "2", "50").toQuery())
                .isEqualTo(new WidgetQuery(2, 50, WidgetSort.descending(field), null));
    }

    @Test
    void aFilteredListAsksForTheFilterOnTheChosenField() {
        assertThat(ListParams.of("shop", null, null, null, null, null).toQuery())
                .isEqualTo(new WidgetQuery(1, 25, null, WidgetFilter.nameContains("shop")));
        assertThat(ListParams.of("0x4A", "sitekey", null, null, null, null).toQuery().filter())
                .isEqualTo(WidgetFilter.sitekeyContains("0x4A"));
    }

    @Test
    void clickingTheSortedColumnAgainFlipsTheDirection() {
        ListParams sortedByName = ListParams.of("shop", null, "name", "asc", "3", "50");

        assertThat(sortedByName.sortedBy("name")).isEqualTo(new ListParams("shop", "name", "name", "desc", 1, 50));
        assertThat(sortedByName.sortedBy("name").sortedBy("name")).isEqualTo(sortedByName.atPage(1));
    }

    @Test
    void clickingAnotherColumnSortsItAscendingFromTheFirstPage() {
        ListParams sortedByNameDescending = ListParams.of(null, null, "name", "desc", "3", null);

        assertThat(sortedByNameDescending.sortedBy("created")).isEqualTo(new ListParams("", "name", "created", "asc", 1, 25));
    }

    @ParameterizedTest
    @CsvSource({"name, asc, name, ascending", "name, desc, name, descending", "name, desc, created, none",
            "'', asc, name, none"})
    void ariaSortTellsHowAColumnIsSorted(String sort, String dir, String column, String ariaSort) {
        assertThat(ListParams.of(null, null, sort, dir, null, null).ariaSort(column)).isEqualTo(ariaSort);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'' | ''      | ''      | ''   | ''  | ''  | ''",
            "'' | sitekey | ''      | ''   | ''  | ''  | ?by=sitekey",
            "shop | ''    | ''      | ''   | ''  | ''  | ?q=shop&by=name",
            "'' | ''      | created | desc | 2   | 50  | ?sort=created&dir=desc&size=50&page=2",
            "'' | name    | name    | asc  | 1   | 25  | ?sort=name&dir=asc"})
    void theUrlKeepsOnlyWhatDiffersFromTheDefaults(String q, String by, String sort, String dir, String page,
            String size, String query) {
        assertThat(ListParams.of(q, by, sort, dir, page, size).url(LIST)).isEqualTo(LIST + query);
    }

    @Test
    void theFilterTextSurvivesTheUrlWhateverItHolds() {
        String text = "50% off + free & fast #1 café {x}=?/";

        String url = ListParams.of(text, null, null, null, null, null).url(LIST);

        assertThat(url).matches("[\\x21-\\x7e]+").doesNotContain("+", "#", "{");
        assertThat(queryParameters(url)).containsEntry("q", text).containsEntry("by", "name").hasSize(2);
    }

    private static ListParams params(Map<String, String> query) {
        return ListParams.of(query.get("q"), query.get("by"), query.get("sort"), query.get("dir"), query.get("page"),
                query.get("size"));
    }

    private static Map<String, String> queryParameters(String url) {
        Map<String, String> parameters = new HashMap<>();
        Arrays.stream(url.substring(url.indexOf('?') + 1).split("&")).map(pair -> pair.split("=", 2))
                .forEach(pair -> parameters.put(pair[0], URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
        return parameters;
    }
}
