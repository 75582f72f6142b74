package com.turnstileadmin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditCsvTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            plain                | plain
            ``                   | ``
            a,b                  | `"a,b"`
            a "b" c              | `"a ""b"" c"`
            =1+2                 | '=1+2
            +49 30 123           | '+49 30 123
            -2                   | '-2
            @SUM(A1)             | '@SUM(A1)
            =HYPERLINK("x","y")  | `"'=HYPERLINK(""x"",""y"")"`
            a=b                  | a=b
            Café → Shop          | Café → Shop
            """)
    void aCellIsQuotedWhenItMustBeAndDefusedWhenASpreadsheetWouldRunIt(String value, String written) {
        assertThat(AuditCsv.cell(value)).isEqualTo(written);
    }

    @Test
    void lineBreaksTabsAndCarriageReturnsAreKeptInsideQuotes() {
        assertThat(AuditCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(AuditCsv.cell("\t=1")).isEqualTo("'\t=1");
        assertThat(AuditCsv.cell("\r=1")).isEqualTo("\"'\r=1\"");
    }

    @Test
    void aRowHasEveryColumnOfTheHeaderAndEndsInCrLf() {
        StringWriter out = new StringWriter();
        AuditCsv csv = new AuditCsv(out);

        csv.header();
        csv.row(new AuditEntry(7L, Instant.parse("2026-03-01T12:00:00Z"), "sub-a", "alice", null, "acc",
                AuditAction.DELETE, AuditOutcome.FAILED, "0x4AAAAAAAshop", null, null, "10000: Authentication error",
                List.of()));

        assertThat(out.toString()).isEqualTo(String.join(",", AuditCsv.HEADER) + "\r\n"
                + "2026-03-01T12:00:00Z,alice,,sub-a,Deleted,,0x4AAAAAAAshop,failed,10000: Authentication error,,\r\n");
    }

    @Test
    void changesAreOneCellOfFieldOldAndNewWithNoneForAMissingValue() {
        assertThat(AuditCsv.changes(List.of(new FieldChange("Name", "Old", "New"), new FieldChange("Region", null, "china"))))
                .isEqualTo("Name: Old → New; Region: (none) → china");
    }
}
