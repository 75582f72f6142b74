package com.turnstileadmin.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WidgetPageTest {

    @Test
    void aFullPageBelowTheTotalHasANextPage() {
        assertThat(new WidgetPage(TestWidgets.some(5), 1, 5, 12).hasNext()).isTrue();
    }

    @Test
    void thePageThatReachesTheTotalIsTheLast() {
        assertThat(new WidgetPage(TestWidgets.some(5), 2, 5, 10).hasNext()).isFalse();
    }

    @Test
    void aShortPageIsTheLastEvenIfTheTotalCountsMore() {
        // total_count may count widgets a filter leaves out; a short page settles it.
        assertThat(new WidgetPage(TestWidgets.some(3), 1, 5, 40).hasNext()).isFalse();
        assertThat(new WidgetPage(List.of(), 3, 5, 40).hasNext()).isFalse();
    }

}
