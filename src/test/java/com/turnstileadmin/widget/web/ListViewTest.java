package com.turnstileadmin.widget.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.widget.TestWidgets;
import com.turnstileadmin.widget.WidgetListing;
import com.turnstileadmin.widget.WidgetPage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListViewTest {

    private static final String LIST = "/accounts/023e105f4ecef8ad9ca31a8372d0c353/widgets";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2 | 25 | 25 | 2000 | 26–50 of 2,000",
            "3 | 10 | 5  | 25   | 21–25 of 25",
            "1 | 25 | 1  | 1    | 1–1 of 1",
            "1 | 25 | 0  | 0    | 0 of 0",
            "9 | 25 | 0  | 40   | 0 of 40"})
    void theRangeSaysWhichWidgetsThePageShowsOfHowMany(int page, int size, int shown, int total, String range) {
        assertThat(view(page, size, shown, total).range()).isEqualTo(range);
    }

    @Test
    void theFirstPageHasNoPreviousAndTheLastNoNext() {
        assertThat(view(1, 25, 25, 60).previousUrl()).isNull();
        assertThat(view(3, 25, 10, 60).nextUrl()).isNull();
    }

    @Test
    void previousAndNextKeepTheListStateAndMoveOnePage() {
        ListView view = view(2, 10, 10, 60);

        assertThat(view.previousUrl()).isEqualTo(LIST + "?size=10");
        assertThat(view.nextUrl()).isEqualTo(LIST + "?size=10&page=3");
    }

    @Test
    void onlyAnEmptyPageAfterTheFirstIsPastTheEnd() {
        assertThat(view(4, 25, 0, 60).isPastTheEnd()).isTrue();
        assertThat(view(4, 25, 0, 60).previousUrl()).as("the page before may be past the end too").isNull();
        assertThat(view(1, 25, 0, 0).isPastTheEnd()).isFalse();
        assertThat(view(3, 25, 10, 60).isPastTheEnd()).isFalse();
    }

    @Test
    void aModeOrRegionMatchedOverTheFirstPagesOnlySaysHowManyWidgetsItSearched() {
        WidgetPage page = new WidgetPage(TestWidgets.some(25), 1, 25, 312);

        ListView partial = new ListView(ListParams.defaults(), new WidgetListing(page, 5000, false), LIST);
        assertThat(partial.isPartial()).isTrue();
        assertThat(partial.examined()).isEqualTo("5,000");
        assertThat(partial.range()).isEqualTo("1–25 of 312");
        assertThat(new ListView(ListParams.defaults(), WidgetListing.of(page), LIST).isPartial()).isFalse();
    }

    /** Page {@code page} of a list of {@code total}, asked for and answered with {@code shown} widgets. */
    private static ListView view(int page, int size, int shown, int total) {
        ListParams params = ListParams.of(Map.of("page", String.valueOf(page), "size", String.valueOf(size)));
        return new ListView(params, WidgetListing.of(new WidgetPage(TestWidgets.some(shown), page, size, total)), LIST);
    }
}
