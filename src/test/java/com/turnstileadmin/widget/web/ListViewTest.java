package com.turnstileadmin.widget.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.paging.Pager;
import com.turnstileadmin.widget.TestWidgets;
import com.turnstileadmin.widget.WidgetListing;
import com.turnstileadmin.widget.WidgetPage;
import org.junit.jupiter.api.Test;

class ListViewTest {

    private static final String LIST = "/accounts/023e105f4ecef8ad9ca31a8372d0c353/widgets";

    private static final ListParams DEFAULTS = new ListParams("", "name", "", "", "created", "desc", 1, 25);

    @Test
    void thePagerCountsTheWidgetsOfThePageAndItsLinksKeepTheListStateAndMoveOnePage() {
        ListParams sortedByName = new ListParams("shop", "name", "", "", "name", "asc", 2, 10);

        Pager pager = view(sortedByName, 10, 60).pager();

        assertThat(pager).extracting(Pager::first, Pager::last, Pager::total).containsExactly(11L, 20L, 60L);
        assertThat(pager.previousUrl()).isEqualTo(LIST + "?q=shop&by=name&sort=name&dir=asc&size=10");
        assertThat(pager.nextUrl()).isEqualTo(LIST + "?q=shop&by=name&sort=name&dir=asc&size=10&page=3");
        assertThat(view(sortedByName.atPage(6), 10, 60).pager().nextUrl()).as("the last page").isNull();
    }

    @Test
    void aPagePastTheEndOffersTheFirstPageOfTheSameList() {
        Pager pager = view(new ListParams("", "sitekey", "", "", "created", "desc", 9, 25), 0, 40).pager();

        assertThat(pager.pastTheEnd()).isTrue();
        assertThat(pager.firstPageUrl()).isEqualTo(LIST + "?by=sitekey");
    }

    @Test
    void theLinksThatChangeTheStateStartFromTheFirstPage() {
        ListView view = view(new ListParams("shop", "name", "managed", "", "created", "desc", 3, 50), 50, 500);

        assertThat(view.currentUrl()).isEqualTo(LIST + "?q=shop&by=name&mode=managed&size=50&page=3");
        assertThat(view.sortUrl("name")).isEqualTo(LIST + "?q=shop&by=name&mode=managed&sort=name&dir=asc&size=50");
        assertThat(view.unfilteredUrl()).isEqualTo(LIST + "?size=50");
    }

    @Test
    void aModeOrRegionMatchedOverTheFirstPagesOnlyIsPartial() {
        WidgetPage page = new WidgetPage(TestWidgets.some(25), 1, 25, 312);

        ListView partial = new ListView(DEFAULTS, new WidgetListing(page, 5000, false), LIST);
        assertThat(partial.isPartial()).isTrue();
        assertThat(partial.pager()).extracting(Pager::first, Pager::last, Pager::total).containsExactly(1L, 25L, 312L);
        assertThat(new ListView(DEFAULTS, WidgetListing.of(page), LIST).isPartial()).isFalse();
    }

    /** The list in this state, answered with {@code shown} widgets of {@code total}. */
    private static ListView view(ListParams params, int shown, int total) {
        return new ListView(params,
                WidgetListing.of(new WidgetPage(TestWidgets.some(shown), params.page(), params.size(), total)), LIST);
    }

}
