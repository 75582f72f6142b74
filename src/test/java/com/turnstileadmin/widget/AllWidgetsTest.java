package com.turnstileadmin.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.account.AccountId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class AllWidgetsTest {

    private static final AccountId ACCOUNT = new AccountId("023e105f4ecef8ad9ca31a8372d0c353");

    @Test
    void readsPagesOfTheLargestSizeUntilTheTotalIsReached() {
        PagedApi api = new PagedApi(page -> page <= 3 ? TestWidgets.some(page == 3 ? 500 : 1000) : List.of(), 2500);

        AllWidgets all = AllWidgets.read(api, ACCOUNT, WidgetQuery.firstPage().withPage(7), 10);

        assertThat(all.complete()).isTrue();
        assertThat(all.widgets()).hasSize(2500);
        assertThat(api.queries).extracting(WidgetQuery::page).containsExactly(1, 2, 3);
        assertThat(api.queries).extracting(WidgetQuery::perPage).containsOnly(1000);
    }

    @Test
    void stopsOnAnEmptyPageEvenIfTheTotalPromisedMore() {
        PagedApi api = new PagedApi(page -> page == 1 ? TestWidgets.some(1000) : List.of(), 5000);

        AllWidgets all = AllWidgets.read(api, ACCOUNT, WidgetQuery.firstPage(), 10);

        assertThat(all.complete()).isTrue();
        assertThat(all.widgets()).hasSize(1000);
        assertThat(api.queries).hasSize(2);
    }

    @Test
    void anApiThatNeverEndsIsCutOffAtThePageCap() {
        PagedApi api = new PagedApi(page -> TestWidgets.some(1000), Integer.MAX_VALUE);

        AllWidgets all = AllWidgets.read(api, ACCOUNT, WidgetQuery.firstPage(), 4);

        assertThat(all.complete()).isFalse();
        assertThat(api.queries).hasSize(4);
    }

    @Test
    void keepsTheQuerysFilterAndOrder() {
        PagedApi api = new PagedApi(page -> List.of(), 0);
        WidgetQuery query = WidgetQuery.firstPage()
            .filteredBy(WidgetFilter.nameContains("login"))
            .sortedBy(WidgetSort.descending(WidgetSort.Field.NAME));

        AllWidgets.read(api, ACCOUNT, query, 3);

        assertThat(api.queries).singleElement().satisfies(q -> {
            assertThat(q.filter()).isEqualTo(query.filter());
            assertThat(q.sort()).isEqualTo(query.sort());
        });
    }

    /** A fake of the port that serves the given pages and records what was asked. */
    private static final class PagedApi implements TurnstileWidgets {

        private final IntFunction<List<Widget>> pages;

        private final int totalCount;

        private final List<WidgetQuery> queries = new ArrayList<>();

        PagedApi(IntFunction<List<Widget>> pages, int totalCount) {
            this.pages = pages;
            this.totalCount = totalCount;
        }

        @Override
        public WidgetPage list(AccountId account, WidgetQuery query) {
            queries.add(query);
            return new WidgetPage(pages.apply(query.page()), query.page(), query.perPage(), totalCount);
        }

        @Override
        public WidgetWithSecret get(AccountId account, Sitekey sitekey) {
            throw new AssertionError("not used");
        }

        @Override
        public WidgetWithSecret create(AccountId account, WidgetSettings settings) {
            throw new AssertionError("not used");
        }

        @Override
        public WidgetWithSecret update(AccountId account, Sitekey sitekey, WidgetSettings settings) {
            throw new AssertionError("not used");
        }

        @Override
        public Widget delete(AccountId account, Sitekey sitekey) {
            throw new AssertionError("not used");
        }

        @Override
        public WidgetWithSecret rotateSecret(AccountId account, Sitekey sitekey, boolean invalidateImmediately) {
            throw new AssertionError("not used");
        }

    }

}
