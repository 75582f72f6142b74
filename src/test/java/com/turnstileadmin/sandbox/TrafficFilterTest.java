package com.turnstileadmin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The filter's rules on single events, and the time range it bounds the query to. */
class TrafficFilterTest {

    private static final Instant START = Instant.parse("2026-12-06T00:00:00Z");

    private static final Instant END = Instant.parse("2026-12-07T00:00:00Z");

    @Test
    void theTopLevelTimeConditionsBoundTheRangeAndTestEachSlot() {
        TrafficFilter filter = TrafficFilter.parse(Map.of("datetime_geq", START, "datetime_lt", END));

        assertThat(filter.start()).hasValue(START.getEpochSecond());
        assertThat(filter.end()).hasValue(END.getEpochSecond());
        assertThat(filter.test(TrafficFilter.Scope.SLOT, row(START, "a", "challenge_issued", "x.example"))).isTrue();
        assertThat(filter.test(TrafficFilter.Scope.SLOT, row(END, "a", "challenge_issued", "x.example"))).isFalse();
    }

    @Test
    void dateConditionsBoundWholeDaysAndConditionsInsideAnOrBoundNothing() {
        TrafficFilter days = TrafficFilter
            .parse(Map.of("date_gt", LocalDate.parse("2026-12-05"), "date_leq", LocalDate.parse("2026-12-06")));
        TrafficFilter either = TrafficFilter
            .parse(Map.of("OR", List.of(Map.of("datetime_geq", START), Map.of("siteKey", "a"))));

        assertThat(days.start()).hasValue(START.getEpochSecond());
        assertThat(days.end()).hasValue(END.getEpochSecond());
        assertThat(either.start()).isEmpty();
        assertThat(either.hasMixedConditions()).isTrue();
        assertThat(either.testMixed(row(START.minusSeconds(900), "a", "challenge_issued", "x.example"))).isTrue();
        assertThat(either.testMixed(row(START.minusSeconds(900), "b", "challenge_issued", "x.example"))).isFalse();
    }

    @Test
    void textOperatorsAndAndListsAllHold() {
        TrafficFilter filter = TrafficFilter.parse(Map.of("AND",
                List.of(Map.of("hostname_like", "%.example.com"), Map.of("hostname_neq", "www.example.com")),
                "eventType_in", List.of("challenge_issued")));

        assertThat(filter.spreadFields()).containsExactly(Dimension.HOSTNAME);
        assertThat(filter.hasMixedConditions()).isFalse();
        assertThat(filter.test(TrafficFilter.Scope.SPREAD, row(START, "a", "challenge_issued", "shop.example.com")))
            .isTrue();
        assertThat(filter.test(TrafficFilter.Scope.SPREAD, row(START, "a", "challenge_issued", "www.example.com")))
            .isFalse();
        assertThat(filter.test(TrafficFilter.Scope.SPREAD, row(START, "a", "challenge_issued", "example.org")))
            .isFalse();
        assertThat(filter.test(TrafficFilter.Scope.EVENT, row(START, "a", "challenge_interactive_solved", "")))
            .isFalse();
    }

    @Test
    void anEmptyInListMatchesNothingAndANullFieldIsNoCondition() {
        TrafficFilter none = TrafficFilter.parse(Map.of("siteKey_in", List.of()));
        TrafficFilter all = TrafficFilter.parse(Collections.singletonMap("siteKey_in", null));

        assertThat(none.test(TrafficFilter.Scope.WIDGET, row(START, "a", "challenge_issued", ""))).isFalse();
        assertThat(all.test(TrafficFilter.Scope.WIDGET, row(START, "a", "challenge_issued", ""))).isTrue();
    }

    private static EventRow row(Instant slot, String siteKey, String eventType, String hostname) {
        EventRow row = new EventRow();
        row.slot = slot.getEpochSecond();
        row.siteKey = siteKey;
        row.eventType = eventType;
        row.hostname = hostname;
        return row;
    }

}
