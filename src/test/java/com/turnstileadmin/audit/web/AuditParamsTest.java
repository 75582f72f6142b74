package com.turnstileadmin.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.audit.AuditAction;
import com.turnstileadmin.audit.AuditFilter;
import com.turnstileadmin.paging.QueryBinding;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditParamsTest {

    private static final String PAGE = "/accounts/5a4db0c5e1f24d7e9b3c0a6f8d2e1b47/audit";

    @Test
    void theDaysAreWholeDaysInUtcTheLastOneIncluded() {
        AuditFilter filter = params(Map.of("action", "rotate-secret", "from", "2026-03-01", "to", "2026-03-01"))
            .toFilter();

        assertThat(filter.action()).isEqualTo(AuditAction.ROTATE_SECRET);
        assertThat(filter.from()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(filter.until()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
    }

    @Test
    void theUrlHoldsOnlyWhatDiffersFromTheDefaultsWithEveryCharacterOfATextKept() {
        AuditParams params = params(Map.of("actor", " a&b+c d ", "action", "", "page", "3", "size", "50"));

        assertThat(params.url(PAGE)).isEqualTo(PAGE + "?actor=a%26b%2Bc%20d&size=50&page=3");
        assertThat(params.exportUrl(PAGE + ".csv")).isEqualTo(PAGE + ".csv?actor=a%26b%2Bc%20d");
        assertThat(params(Map.of("page", "-1", "size", "7")).url(PAGE)).isEqualTo(PAGE);
    }

    @Test
    void aFilterThatCannotBeReadIsAMessageCodeByItsField() {
        assertThat(params(Map.of("from", "+999999999-12-31")).errors()).as("a year past four digits is no date")
            .containsEntry("from", AuditParams.NOT_A_DATE);
        assertThat(params(Map.of("action", "destroy", "from", "2026-03-05", "to", "2026-03-01")).errors())
            .containsExactly(Map.entry("action", "audit.filter.unknownAction"),
                    Map.entry("to", "audit.filter.endBeforeStart"));
        assertThat(params(Map.of("actor", "alice", "to", "2026-03-01")).isValid()).isTrue();
    }

    @Test
    void aWidgetsHistoryIsTheTrailFilteredByItsSitekey() {
        assertThat(AuditParams.ofWidget("0x4AAAAAAAshop").url(PAGE)).isEqualTo(PAGE + "?widget=0x4AAAAAAAshop");
    }

    private static AuditParams params(Map<String, String> query) {
        return QueryBinding.bind(AuditParams.class, query);
    }

}
