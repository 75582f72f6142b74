package com.turnstileadmin.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.audit.AuditAction;
import com.turnstileadmin.audit.AuditFilter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditParamsTest {

    private static final String PAGE = "/accounts/5a4db0c5e1f24d7e9b3c0a6f8d2e1b47/audit";

    @Test
    void theDaysAreWholeDaysInUtcTheLastOneIncluded() {
        AuditFilter filter = AuditParams.of(null, "rotate-secret", null, "2026-03-01", "2026-03-01", null, null).toFilter();

        assertThat(filter.action()).isEqualTo(AuditAction.ROTATE_SECRET);
        assertThat(filter.from()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(filter.until()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
    }

    @Test
    void theUrlHoldsOnlyWhatDiffersFromTheDefaultsWithEveryCharacterOfATextKept() {
        AuditParams params = AuditParams.of(" a&b+c d ", "", "", "", "", "3", "50");

        assertThat(params.url(PAGE)).isEqualTo(PAGE + "?actor=a%26b%2Bc%20d&size=50&page=3");
        assertThat(params.exportUrl(PAGE + ".csv")).isEqualTo(PAGE + ".csv?actor=a%26b%2Bc%20d");
        assertThat(AuditParams.of(null, null, null, null, null, "-1", "7").url(PAGE)).isEqualTo(PAGE);
    }

    @Test
    void aYearPastFourDigitsIsNoDate() {
        assertThat(AuditParams.of(null, null, null, "+999999999-12-31", null, null, null).errors()).containsKey("from");
    }
}
