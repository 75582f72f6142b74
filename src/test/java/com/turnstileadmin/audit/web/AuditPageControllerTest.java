package com.turnstileadmin.audit.web;

import static com.turnstileadmin.audit.web.AuditEntries.ALICE;
import static com.turnstileadmin.audit.web.AuditEntries.BOB;
import static com.turnstileadmin.web.WebSliceTestConfiguration.ACCOUNT;
import static com.turnstileadmin.web.WebSliceTestConfiguration.STAGING;
import static com.turnstileadmin.web.WebSliceTestConfiguration.UNKNOWN_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.turnstileadmin.audit.FieldChange;
import com.turnstileadmin.security.Role;
import com.turnstileadmin.security.SignedInUser;
import com.turnstileadmin.web.Html;
import com.turnstileadmin.web.Links;
import com.turnstileadmin.web.Route;
import com.turnstileadmin.widget.FakeTurnstileWidgets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@AuditSliceTest
class AuditPageControllerTest {

    static final String PAGE = "/accounts/" + ACCOUNT.value() + "/audit";
    static final String EXPORT = PAGE + ".csv";
    static final String HISTORY = "/accounts/" + ACCOUNT.value() + "/widgets/0x4AAAAAAAshop/history";

    /** A context path, as {@code server.servlet.context-path=/admin} sets it. */
    private static final String ADMIN = "/admin";

    @Autowired
    private MockMvc mvc;

    @Autowired
    private FakeTurnstileWidgets cloudflare;

    @Autowired
    private AuditEntries entries;

    @Test
    void theTrailIsShownNewestFirstWithWhoDidWhatToWhichWidgetAndHowItEnded() throws Exception {
        entries.at("2026-03-01T09:00:00Z").created(ALICE, "0x4AAAAAAAshop", "Shop checkout");
        entries.at("2026-03-02T09:00:00Z")
            .updated(BOB, "0x4AAAAAAAshop", "Shop checkout", new FieldChange("Mode", "managed", "invisible"),
                    new FieldChange("Name", null, "Shop"));
        entries.at("2026-03-03T09:00:00Z").rotated(ALICE, "0x4AAAAAAAblog", "Blog", true);
        entries.at("2026-03-04T09:00:00Z").failedToDelete(BOB, "0x4AAAAAAAblog", "Blog", "Cloudflare says: no access");

        String page = mvc.perform(Route.get(PAGE).by(Role.ADMIN))
            .andExpect(status().isOk())
            .andExpect(view().name("audit/list"))
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).containsSubsequence("Deleted", "Rotated secret", "Edited", "Created");
        assertThat(page).contains("Alice Admin", "alice@example.com", "title=\"sub-alice\"",
                "href=\"/accounts/" + ACCOUNT.value() + "/widgets/0x4AAAAAAAshop\"", "0x4AAAAAAAblog", "Failed",
                "Cloudflare says: no access", "Succeeded", "Invalidate the current secret immediately: yes",
                // A setting's value under the form's label, Cloudflare's on hover; a name
                // as it is.
                "<del title=\"managed\">Managed</del> →", "<ins title=\"invisible\">Invisible</ins>",
                "<del>(none)</del>", "<ins>Shop</ins>", "1–4 of 4", "2026-03-04 09:00:00 UTC");
        assertThat(page).as("newest first, as the Time header says").contains("aria-sort=\"descending\">Time");
        // Only the page's account: no Cloudflare call, and not what was done in another
        // account.
        assertThat(cloudflare.calls()).isEmpty();
    }

    @Test
    void anotherAccountsEntriesAreNotShown() throws Exception {
        entries.in(STAGING).created(ALICE, "0x4AAAAAAAstag", "Staging form");
        entries.created(ALICE, "0x4AAAAAAAshop", "Shop checkout");

        String page = mvc.perform(Route.get(PAGE).by(Role.ADMIN)).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Shop checkout").doesNotContain("Staging form");
    }

    @ParameterizedTest(name = "{0} shows {1}")
    @CsvSource(delimiter = '|', textBlock = """
            actor=alice                           | Shop checkout, Blog
            actor=ALICE@EXAMPLE                   | Shop checkout, Blog
            actor=local:bob                       | Newsletter
            action=update                         | Blog, Terraformed
            widget=blog                           | Blog
            widget=0x4AAAAAAAnews                 | Newsletter
            from=2026-03-02                       | Blog, Newsletter
            to=2026-03-02                         | Shop checkout, Blog, Terraformed
            from=2026-03-02&to=2026-03-02         | Blog
            actor=alice&action=create&to=2026-03-01 | Shop checkout
            by=outside                            | Terraformed
            by=users                              | Shop checkout, Blog, Newsletter
            by=outside&action=update              | Terraformed
            """)
    void filtersNarrowTheTrail(String query, String shown) throws Exception {
        entries.at("2026-03-01T23:59:59Z").created(ALICE, "0x4AAAAAAAshop", "Shop checkout");
        entries.at("2026-03-02T00:00:00Z").updated(ALICE, "0x4AAAAAAAblog", "Blog", new FieldChange("Mode", "a", "b"));
        entries.at("2026-03-03T00:00:00Z").created(BOB, "0x4AAAAAAAnews", "Newsletter");
        entries.at("2026-02-01T00:00:00Z")
            .changedOutside("0x4AAAAAAAterr", "Terraformed", "api", new FieldChange("Mode", "a", "b"));

        String page = mvc.perform(Route.get(PAGE + "?" + query).by(Role.ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        String table = page.substring(page.indexOf("id=\"results\""));
        for (String name : new String[] { "Shop checkout", "Blog", "Newsletter", "Terraformed" }) {
            assertThat(table.contains(">" + name + "<")).as(name)
                .isEqualTo(Arrays.asList(shown.split(", ")).contains(name));
        }
    }

    @Test
    void aChangeMadeOutsideSaysWhoAsFarAsKnownAndWhereItWasFound() throws Exception {
        entries.changedOutside("0x4AAAAAAAterr", "Terraformed", "dashboard", new FieldChange("Mode", "a", "b"));

        Document page = Html.parse(mvc.perform(Route.get(PAGE).by(Role.ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());

        assertThat(page.select("#results td.actor").first().text())
            .isEqualTo("someone outside this dashboard found at Cloudflare, via dashboard");
        assertThat(page.select("#names-need-permission")).isEmpty();
    }

    @Test
    void whereTheTokenMayNotReadTheAuditLogsThePageSaysOnceWhichPermissionWouldNameThem() throws Exception {
        entries.changedOutsideUnnamed("0x4AAAAAAAterr", "Terraformed");
        entries.changedOutsideUnnamed("0x4AAAAAAAterr", "Terraformed");

        Document page = Html.parse(mvc.perform(Route.get(PAGE).by(Role.ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());

        assertThat(page.select("#names-need-permission")).singleElement()
            .extracting(Element::text)
            .asString()
            .contains("Account Settings Read");
    }

    @Test
    void pagesMoveThroughTheTrailTenAtATime() throws Exception {
        for (int i = 1; i <= 23; i++) {
            entries.at("2026-03-01T10:%02d:00Z".formatted(i)).created(ALICE, "0x4AAAAAAAw" + i, "Widget number " + i);
        }

        String second = mvc.perform(Route.get(PAGE + "?size=10&page=2").by(Role.ADMIN))
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(second).contains("11–20 of 23", ">Widget number 13<", ">Widget number 4<")
            .doesNotContain(">Widget number 14<", ">Widget number 3<")
            .contains("href=\"" + PAGE + "?size=10\" rel=\"prev\"",
                    "href=\"" + PAGE + "?size=10&amp;page=3\" rel=\"next\"");
        String last = mvc.perform(Route.get(PAGE + "?size=10&page=3").by(Role.ADMIN))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(last).contains("21–23 of 23", ">Widget number 1<").doesNotContain("rel=\"next\"");
    }

    @Test
    void aPagePastTheEndSaysSoAndOffersTheFirst() throws Exception {
        entries.created(ALICE, "0x4AAAAAAAshop", "Shop checkout");

        String page = mvc.perform(Route.get(PAGE + "?page=7").by(Role.ADMIN))
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("There is no page <span>7</span>", "href=\"" + PAGE + "\">Go to the first page");
    }

    @Test
    void anEmptyTrailSaysNothingHasBeenRecordedAndAnEmptyResultSaysNothingMatches() throws Exception {
        String empty = mvc.perform(Route.get(PAGE).by(Role.ADMIN)).andReturn().getResponse().getContentAsString();
        assertThat(empty).contains("Nothing has been recorded for this account yet.");

        entries.created(ALICE, "0x4AAAAAAAshop", "Shop checkout");
        String none = mvc.perform(Route.get(PAGE + "?actor=carol").by(Role.ADMIN))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(none)
            .contains("No entry matches these filters.", "href=\"" + PAGE + "\" hx-boost=\"false\">Show every entry")
            .doesNotContain("Nothing has been recorded");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|',
            textBlock = """
                    from=2026-02-30               | from-message | Not a date this page can read
                    from=yesterday                | from-message | Not a date this page can read
                    to=31.03.2026                 | to-message   | Not a date this page can read
                    from=2026-03-05&to=2026-03-01 | to-message   | The end date is before the start date.
                    action=destroy                | action-message | There is no such action.
                    by=aliens                     | by-message     | Choose in this dashboard, outside it, or both from the list.
                    """)
    void aFilterThatCannotBeReadIsExplainedBesideItsFieldAndKept(String query, String messageId, String message)
            throws Exception {
        entries.created(ALICE, "0x4AAAAAAAshop", "Shop checkout");

        String page = mvc.perform(Route.get(PAGE + "?" + query).by(Role.ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).containsPattern("<small id=\"" + messageId + "\">" + message);
        for (String given : query.split("&")) {
            assertThat(page).contains("value=\"" + given.substring(given.indexOf('=') + 1) + "\"");
        }
        assertThat(page).contains("Nothing is shown until the filter marked above is corrected.")
            .doesNotContain("Shop checkout", "id=\"download-csv\"");
    }

    @Test
    void anHtmxRequestGetsTheResultsWithTheMessagesAndDownloadOutOfBandAndTheAddressToShow() throws Exception {
        entries.created(ALICE, "0x4AAAAAAAshop", "Shop checkout");

        String fragment = mvc
            .perform(Route.get(PAGE + "?actor=alice&to=2026-02-01&from=2026-03-01")
                .by(Role.ADMIN)
                .header("HX-Request", "true"))
            .andExpect(status().isOk())
            .andExpect(header().string("HX-Push-Url", PAGE + "?actor=alice&from=2026-03-01&to=2026-02-01"))
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(fragment).startsWith("<section id=\"results\"")
            .doesNotContain("<html", "id=\"filter\"")
            .contains("<small id=\"to-message\" hx-swap-oob=\"true\">The end date is before the start date.</small>",
                    "<small id=\"from-message\" hx-swap-oob=\"true\"></small>",
                    "<span id=\"download\" hx-swap-oob=\"true\">");
        String valid = mvc.perform(Route.get(PAGE + "?actor=alice").by(Role.ADMIN).header("HX-Request", "true"))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(valid).contains("Shop checkout", "href=\"" + EXPORT + "?actor=alice\"");
    }

    @Test
    void aPageOrSizeThatCannotBeReadShowsTheFirstPageAndExportsRatherThanA400() throws Exception {
        entries.created(ALICE, "0x4AAAAAAAshop", "Shop checkout");

        String page = mvc.perform(Route.get(PAGE + "?page=abc&size=9999999999").by(Role.ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("Shop checkout", "1–1 of 1");
        mvc.perform(Route.get(EXPORT + "?page=1.5&size=x").by(Role.ADMIN)).andExpect(status().isOk());
    }

    @Test
    void underAContextPathEveryLinkFormAndPushedAddressOfTheTrailStartsWithIt() throws Exception {
        for (int i = 1; i <= 23; i++) {
            entries.at("2026-03-01T10:%02d:00Z".formatted(i)).created(ALICE, "0x4AAAAAAAshop", "Widget number " + i);
        }
        String page = underAdmin(PAGE + "?size=10&page=2");

        assertThat(Links.of(page)).as("rows, filter form, pager, CSV, header")
            .contains(ADMIN + PAGE, ADMIN + PAGE + "?size=10", ADMIN + PAGE + "?size=10&page=3", ADMIN + EXPORT,
                    ADMIN + "/accounts/" + ACCOUNT.value() + "/widgets/0x4AAAAAAAshop");
        // "Show every entry" and "Go to the first page" are on the empty states.
        assertThat(Stream.of(page, underAdmin(PAGE + "?actor=carol"), underAdmin(PAGE + "?page=9"))
            .flatMap(html -> Links.outside(ADMIN, html).stream())).isEmpty();
        mvc.perform(Route.get(ADMIN + PAGE + "?size=10&page=2")
            .by(Role.ADMIN)
            .contextPath(ADMIN)
            .header("HX-Request", "true")).andExpect(header().string("HX-Push-Url", ADMIN + PAGE + "?size=10&page=2"));
    }

    @Test
    void underAContextPathAWidgetsHistoryLinksAndRedirectsToTheTrailUnderIt() throws Exception {
        String history = mvc
            .perform(Route.get(ADMIN + HISTORY).by(Role.ADMIN).contextPath(ADMIN).header("HX-Request", "true"))
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(Links.of(history)).containsExactly(ADMIN + PAGE + "?widget=0x4AAAAAAAshop");
        mvc.perform(Route.get(ADMIN + HISTORY).by(Role.ADMIN).contextPath(ADMIN))
            .andExpect(redirectedUrl(ADMIN + PAGE + "?widget=0x4AAAAAAAshop"));
    }

    private String underAdmin(String path) throws Exception {
        return mvc.perform(Route.get(ADMIN + path).by(Role.ADMIN).contextPath(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

    @Test
    void aScriptInAnActorOrWidgetNameIsShownAsText() throws Exception {
        entries.created(new SignedInUser("sub-x", "<script>alert(1)</script>", null, Role.ADMIN), "0x4AAAAAAAxss",
                "<img src=x onerror=alert(2)>");

        String page = mvc.perform(Route.get(PAGE).by(Role.ADMIN)).andReturn().getResponse().getContentAsString();

        assertThat(page).doesNotContain("<script>alert(1)", "<img src=x")
            .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;");
    }

    @Test
    void anAdminReadsEachOfTheRoutes() throws Exception {
        mvc.perform(Route.get(PAGE).by(Role.ADMIN)).andExpect(status().isOk());
        mvc.perform(Route.get(EXPORT).by(Role.ADMIN)).andExpect(status().isOk());
        mvc.perform(Route.get(HISTORY).by(Role.ADMIN).header("HX-Request", "true")).andExpect(status().isOk());
    }

    @Test
    void theHeaderOffersAnAdminTheTrailAndMarksItAsTheCurrentPage() throws Exception {
        String page = mvc.perform(Route.get(PAGE).by(Role.ADMIN)).andReturn().getResponse().getContentAsString();

        assertThat(Html.ids(page)).contains("audit-link", "filter", "results", "download-csv");
        assertThat(page).contains("<a id=\"audit-link\" href=\"" + PAGE + "\" aria-current=\"page\">Audit trail</a>");
    }

    @Test
    void anUnknownAccountIsNotFound() throws Exception {
        String unknown = "/accounts/" + UNKNOWN_ACCOUNT.value() + "/audit";
        mvc.perform(Route.get(unknown).by(Role.ADMIN)).andExpect(status().isNotFound());
        mvc.perform(Route.get(unknown + ".csv").by(Role.ADMIN)).andExpect(status().isNotFound());
    }

}
