package com.turnstileadmin.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WidgetPageTest {

    @Test
    void aFullPageBelowTheTotalHasANextPage() {
        assertThat(new WidgetPage(widgets(5), 1, 5, 12).hasNext()).isTrue();
    }

    @Test
    void thePageThatReachesTheTotalIsTheLast() {
        assertThat(new WidgetPage(widgets(5), 2, 5, 10).hasNext()).isFalse();
    }

    @Test
    void aShortPageIsTheLastEvenIfTheTotalCountsMore() {
        // total_count may count widgets a filter leaves out; a short page settles it.
        assertThat(new WidgetPage(widgets(3), 1, 5, 40).hasNext()).isFalse();
        assertThat(new WidgetPage(List.of(), 3, 5, 40).hasNext()).isFalse();
    }

    private static List<Widget> widgets(int count) {
        List<Widget> widgets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            widgets.add(new Widget(new Sitekey("0x4AAAAAAA" + i), "w" + i, List.of("example.com"), WidgetMode.MANAGED,
                    ClearanceLevel.NO_CLEARANCE, Region.WORLD, false, false, false, Instant.EPOCH, Instant.EPOCH, null,
                    null));
        }
        return widgets;
    }
}
