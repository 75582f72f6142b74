package com.turnstileadmin.paging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PagerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "2 | 25 | 25 | 2000 | 26 | 50", "3 | 10 | 5  | 25   | 21 | 25",
            "1 | 25 | 1  | 1    | 1  | 1", "1 | 25 | 0  | 0    | 0  | 0", "9 | 25 | 0  | 40   | 0  | 0" })
    void theRangeSaysWhichEntriesThePageShowsOfHowMany(int page, int size, int shown, long total, long first,
            long last) {
        Pager pager = pager(page, size, shown, total, false);

        assertThat(pager.first()).isEqualTo(first);
        assertThat(pager.last()).isEqualTo(last);
        assertThat(pager.total()).isEqualTo(total);
    }

    @Test
    void previousAndNextMoveOnePageAndTheFirstPageHasNoPreviousTheLastNoNext() {
        assertThat(pager(2, 10, 10, 60, true)).extracting(Pager::previousUrl, Pager::nextUrl, Pager::firstPageUrl)
            .containsExactly("/list?page=1", "/list?page=3", "/list?page=1");
        assertThat(pager(1, 25, 25, 60, true).previousUrl()).isNull();
        assertThat(pager(3, 25, 10, 60, false).nextUrl()).isNull();
    }

    @Test
    void onlyAnEmptyPageAfterTheFirstIsPastTheEndAndThenOffersOnlyTheFirstPage() {
        Pager past = pager(4, 25, 0, 60, false);

        assertThat(past.pastTheEnd()).isTrue();
        assertThat(past.previousUrl()).as("the page before may be past the end too").isNull();
        assertThat(past.firstPageUrl()).isEqualTo("/list?page=1");
        assertThat(pager(1, 25, 0, 0, false).pastTheEnd()).isFalse();
        assertThat(pager(3, 25, 10, 60, false).pastTheEnd()).isFalse();
    }

    private static Pager pager(int page, int size, int shown, long total, boolean hasNext) {
        return Pager.of(new Paging(page, size), shown, total, hasNext, number -> "/list?page=" + number);
    }

}
