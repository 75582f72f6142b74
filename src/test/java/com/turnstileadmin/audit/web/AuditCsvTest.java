package com.turnstileadmin.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.audit.ActorKind;
import com.turnstileadmin.audit.AuditAction;
import com.turnstileadmin.audit.AuditEntry;
import com.turnstileadmin.audit.AuditOutcome;
import com.turnstileadmin.audit.FieldChange;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;

class AuditCsvTest {

    /** The app's own words for the actions, from messages.properties. */
    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasename("messages");
        MESSAGES.setDefaultEncoding("UTF-8");
    }

    private static String actionName(AuditAction action) {
        return MESSAGES.getMessage(action.labelKey(), null, Locale.ENGLISH);
    }

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
            x;=1+1;y             | x;'=1+1;y
            a;+1                 | a;'+1
            a; -1                | a; '-1
            b;@SUM(A1)           | b;'@SUM(A1)
            Name: a → b; Mode: c | Name: a → b; Mode: c
            a - b; c=d; e@f.com  | a - b; c=d; e@f.com
            """)
    void aCellIsQuotedWhenItMustBeAndDefusedWhenASpreadsheetWouldRunIt(String value, String written) {
        assertThat(AuditCsv.cell(value)).isEqualTo(written);
    }

    @Test
    void lineBreaksTabsAndCarriageReturnsAreKeptInsideQuotes() {
        assertThat(AuditCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(AuditCsv.cell("\tplain")).isEqualTo("'\tplain");
        assertThat(AuditCsv.cell("\r=1")).isEqualTo("\"'\r'=1\"");
    }

    @Test
    void everySegmentThatASpreadsheetMightSplitOffIsDefused() {
        // Excel in a semicolon locale splits "x;=1+1;y" into three cells, quotes or not:
        // each must be text.
        assertThat(AuditCsv.cell("x;=1+1;y")).isEqualTo("x;'=1+1;y");
        assertThat(AuditCsv.cell("a,=cmd|' /C calc'!A0")).isEqualTo("\"a,'=cmd|' /C calc'!A0\"");
        assertThat(AuditCsv.cell("\t=1")).isEqualTo("'\t'=1");
        assertThat(AuditCsv.cell("a\t@x")).isEqualTo("a\t'@x");
        assertThat(AuditCsv.cell("first\n-2")).isEqualTo("\"first\n'-2\"");
    }

    @Test
    void theFileStartsWithAByteOrderMarkBeforeTheHeader() {
        StringWriter out = new StringWriter();

        new AuditCsv(out, AuditCsvTest::actionName).header();

        assertThat(out.toString()).isEqualTo("\uFEFF" + String.join(",", AuditCsv.HEADER) + "\r\n");
    }

    @Test
    void aRowHasEveryColumnOfTheHeaderAndEndsInCrLf() {
        StringWriter out = new StringWriter();
        AuditCsv csv = new AuditCsv(out, AuditCsvTest::actionName);

        csv.header();
        csv.row(new AuditEntry(7L, Instant.parse("2026-03-01T12:00:00Z"), "sub-a", "alice", null, "acc",
                AuditAction.DELETE, AuditOutcome.FAILED, "0x4AAAAAAAshop", null, null, "10000: Authentication error",
                List.of(), ActorKind.USER, null, null));

        assertThat(out.toString()).isEqualTo("\uFEFF" + String.join(",", AuditCsv.HEADER) + "\r\n"
                + "2026-03-01T12:00:00Z,alice,,sub-a,Deleted,,0x4AAAAAAAshop,failed,10000: Authentication error,,,here,\r\n");
    }

    @Test
    void changesAreOneCellOfFieldOldAndNewWithNoneForAMissingValue() {
        assertThat(AuditCsv
            .changes(List.of(new FieldChange("Name", "Old", "New"), new FieldChange("Region", null, "china"))))
            .isEqualTo("Name: Old → New; Region: (none) → china");
    }

}
