package com.turnstileadmin.audit.web;

import static com.turnstileadmin.audit.web.AuditEntries.ALICE;
import static com.turnstileadmin.audit.web.AuditEntries.BOB;
import static com.turnstileadmin.audit.web.AuditPageControllerTest.EXPORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.turnstileadmin.audit.FieldChange;
import com.turnstileadmin.security.Role;
import com.turnstileadmin.security.SignedInUser;
import com.turnstileadmin.web.Route;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@AuditSliceTest
class AuditExportControllerTest {

    @Autowired
    private MockMvc mvc;

    @Autowired
    private AuditEntries entries;

    @Test
    void theExportIsADatedUtf8CsvAttachmentOfEveryMatchingEntryNewestFirst() throws Exception {
        entries.at("2026-03-01T09:00:00Z").created(ALICE, "0x4AAAAAAAshop", "Shop checkout");
        entries.at("2026-03-02T10:30:00Z")
            .updated(BOB, "0x4AAAAAAAshop", "Café, \"the\" shop",
                    new FieldChange("Name", "Shop checkout", "Café, \"the\" shop"),
                    new FieldChange("Domains", "a.com", null));
        entries.at("2026-03-03T11:00:00Z").rotated(ALICE, "0x4AAAAAAAshop", "Café", false);

        byte[] body = mvc.perform(Route.get(EXPORT).by(Role.ADMIN))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
            .andExpect(header().string("Content-Disposition", "attachment; filename=\"audit-trail-2026-03-03.csv\""))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();

        // A byte-order mark first, or Excel on Windows reads the file as ANSI and garbles
        // "→" and "é".
        assertThat(body).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(new String(body, 3, body.length - 3, StandardCharsets.UTF_8)).isEqualTo(String.join("\r\n",
                "time (UTC),actor,actor e-mail,actor subject,action,widget,sitekey,outcome,error,"
                        + "invalidate immediately,changes,made,via",
                "2026-03-03T11:00:00Z,Alice Admin,alice@example.com,sub-alice,Rotated secret,Café,0x4AAAAAAAshop,"
                        + "succeeded,,no,,here,",
                "2026-03-02T10:30:00Z,bob,,local:bob,Edited,\"Café, \"\"the\"\" shop\",0x4AAAAAAAshop,succeeded,,,"
                        + "\"Name: Shop checkout → Café, \"\"the\"\" shop; Domains: a.com → (none)\",here,",
                "2026-03-01T09:00:00Z,Alice Admin,alice@example.com,sub-alice,Created,Shop checkout,0x4AAAAAAAshop,"
                        + "succeeded,,,,here,",
                ""));
    }

    @Test
    void theExportHasThePagesFilters() throws Exception {
        entries.at("2026-03-01T09:00:00Z").created(ALICE, "0x4AAAAAAAshop", "Shop checkout");
        entries.at("2026-03-02T09:00:00Z").failedToDelete(BOB, "0x4AAAAAAAblog", "Blog", "Cloudflare says: no");
        entries.at("2026-03-03T09:00:00Z").created(BOB, "0x4AAAAAAAnews", "Newsletter");

        String csv = mvc.perform(Route.get(EXPORT + "?actor=bob&from=2026-03-02&to=2026-03-02").by(Role.ADMIN))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv).contains("Blog,0x4AAAAAAAblog,failed,Cloudflare says: no").doesNotContain("Shop", "Newsletter");
    }

    @Test
    void aCellASpreadsheetWouldRunAsAFormulaIsExportedAsText() throws Exception {
        entries.created(new SignedInUser("sub-eve", "=HYPERLINK(\"http://evil.example\",\"x\")", "@eve", Role.ADMIN),
                "0x4AAAAAAAshop", "+cmd|' /C calc'!A0");

        String csv = mvc.perform(Route.get(EXPORT).by(Role.ADMIN))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

        assertThat(csv.split("\r\n")[1]).startsWith("2026-03-01T12:00:00Z,"
                + "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",'@eve,sub-eve,Created,'+cmd|' /C calc'!A0,");
    }

    @Test
    void aWidgetNameASemicolonSpreadsheetWouldSplitIntoAFormulaIsDefusedInEverySegment() throws Exception {
        entries.created(ALICE, "0x4AAAAAAAshop", "x;=1+1;y");

        byte[] body = mvc.perform(Route.get(EXPORT).by(Role.ADMIN)).andReturn().getResponse().getContentAsByteArray();

        assertThat(new String(body, StandardCharsets.UTF_8).split("\r\n")[1]).contains(",Created,x;'=1+1;y,");
    }

    @Test
    void anExportOfNothingIsTheHeaderAlone() throws Exception {
        String csv = mvc.perform(Route.get(EXPORT).by(Role.ADMIN))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

        assertThat(csv).startsWith("\uFEFFtime (UTC),actor,").hasLineCount(1);
    }

    @Test
    void aFilterThatCannotBeReadGetsThePageWithItsMessageInsteadOfAFile() throws Exception {
        String page = mvc.perform(Route.get(EXPORT + "?from=2026-03-05&to=2026-03-01").by(Role.ADMIN))
            .andExpect(status().isBadRequest())
            .andExpect(header().doesNotExist("Content-Disposition"))
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("<small id=\"to-message\">The end date is before the start date.</small>",
                "value=\"2026-03-05\"");
    }

}
