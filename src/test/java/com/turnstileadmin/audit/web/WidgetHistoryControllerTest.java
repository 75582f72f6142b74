package com.turnstileadmin.audit.web;

import static com.turnstileadmin.audit.web.AuditEntries.ALICE;
import static com.turnstileadmin.audit.web.AuditEntries.BOB;
import static com.turnstileadmin.audit.web.AuditPageControllerTest.HISTORY;
import static com.turnstileadmin.audit.web.AuditPageControllerTest.PAGE;
import static com.turnstileadmin.web.WebSliceTestConfiguration.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.turnstileadmin.security.Role;
import com.turnstileadmin.web.Route;
import com.turnstileadmin.widget.FakeTurnstileWidgets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@AuditSliceTest
class WidgetHistoryControllerTest {

    @Autowired
    private MockMvc mvc;

    @Autowired
    private FakeTurnstileWidgets cloudflare;

    @Autowired
    private AuditEntries entries;

    @Test
    void theHistoryIsTheWidgetsOwnLatestEntriesWithALinkToAllOfThemAndCostsNoCloudflareCall() throws Exception {
        entries.at("2026-03-01T09:00:00Z").created(ALICE, "0x4AAAAAAAshop", "Shop checkout");
        entries.at("2026-03-02T09:00:00Z").created(BOB, "0x4AAAAAAAblog", "Blog");
        entries.at("2026-03-03T09:00:00Z").rotated(BOB, "0x4AAAAAAAshop", "Shop checkout", true);

        String fragment = mvc.perform(Route.get(HISTORY).by(Role.ADMIN).header("HX-Request", "true"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(fragment).startsWith("<div id=\"widget-history-entries\"")
            .doesNotContain("<html", "Blog")
            .containsSubsequence("Rotated secret", "Invalidate the current secret immediately: yes", "Created")
            .contains("<a id=\"all-history\" href=\"" + PAGE
                    + "?widget=0x4AAAAAAAshop\">All of this widget's history</a>");
        assertThat(cloudflare.calls()).isEmpty();
    }

    @Test
    void aWidgetWithoutHistorySaysSo() throws Exception {
        String fragment = mvc.perform(Route.get(HISTORY).by(Role.ADMIN).header("HX-Request", "true"))
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(fragment).contains("Nothing has been done to this widget through this app yet");
    }

    @Test
    void openedAsAPageItIsTheAuditPageFilteredByTheWidget() throws Exception {
        mvc.perform(Route.get(HISTORY).by(Role.ADMIN))
            .andExpect(status().isFound())
            .andExpect(redirectedUrl(PAGE + "?widget=0x4AAAAAAAshop"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "0x4AAAAAAA.shop", "0x4AAAAAAAshop0x4AAAAAAAshop0x4AAAAAAAshop", "shop!" })
    void aMalformedSitekeyIsNotFound(String sitekey) throws Exception {
        mvc.perform(Route.get("/accounts/" + ACCOUNT.value() + "/widgets/" + sitekey + "/history")
            .by(Role.ADMIN)
            .header("HX-Request", "true")).andExpect(status().isNotFound());
    }

}
