package com.turnstileadmin.widget.web;

import static com.turnstileadmin.web.WebSliceTestConfiguration.UNKNOWN_ACCOUNT;
import static com.turnstileadmin.web.WebSliceTestConfiguration.WIDGETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.turnstileadmin.security.Role;
import com.turnstileadmin.web.Html;
import com.turnstileadmin.web.Links;
import com.turnstileadmin.web.Route;
import com.turnstileadmin.web.WebSliceTest;
import com.turnstileadmin.web.WebSliceTestConfiguration;
import com.turnstileadmin.widget.ClearanceLevel;
import com.turnstileadmin.widget.CloudflareUnavailableException;
import com.turnstileadmin.widget.FakeTurnstileWidgets;
import com.turnstileadmin.widget.Region;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.Widget;
import com.turnstileadmin.widget.WidgetMode;
import com.turnstileadmin.widget.WidgetService;
import com.turnstileadmin.widget.WidgetSettings;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@WebSliceTest(WidgetListController.class)
class WidgetListControllerTest {

    private static final Route LIST = Route.get(WIDGETS);

    /** A context path, as {@code server.servlet.context-path=/admin} sets it. */
    private static final String ADMIN = "/admin";

    @Autowired
    private MockMvc mvc;

    @Autowired
    private FakeTurnstileWidgets cloudflare;

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRoleSeesTheListWithOneCloudflareCall(Role role) throws Exception {
        mvc.perform(LIST.by(role))
            .andExpect(status().isOk())
            .andExpect(view().name("widgets/list"))
            .andExpect(content().string(containsString("Shop checkout")));

        assertThat(cloudflare.calls()).containsExactly("list");
    }

    @Test
    void eachRowLinksToItsWidgetAndShowsItsTimesAndAtMostThreeDomains() throws Exception {
        cloudflare.removeAll();
        cloudflare.add(new Widget(new Sitekey("0x4AAAAAAAmany"),
                new WidgetSettings("Many <domains>",
                        List.of("a.example", "b.example", "c.example", "d.example", "e.example"), WidgetMode.MANAGED,
                        ClearanceLevel.NO_CLEARANCE, Region.WORLD, false, false, false),
                Instant.parse("2025-01-31T23:30:05.789Z"), Instant.parse("2025-02-01T08:00:00Z"), null, null));

        String page = mvc.perform(LIST.by(Role.VIEWER)).andReturn().getResponse().getContentAsString();

        assertThat(page)
            .contains("href=\"" + WIDGETS + "/0x4AAAAAAAmany\" title=\"Many &lt;domains&gt;\">Many &lt;domains&gt;</a>")
            .contains("data-copy-text=\"0x4AAAAAAAmany\"", "aria-label=\"Copy sitekey 0x4AAAAAAAmany\"")
            .contains("<span>a.example, b.example, c.example</span>")
            .contains("title=\"a.example, b.example, c.example, d.example, e.example\"><span>+2 more</span>")
            .contains(
                    "<time datetime=\"2025-01-31T23:30:05.789Z\" title=\"2025-01-31 23:30:05 UTC\">31 Jan 2025</time>")
            .contains("<time datetime=\"2025-02-01T08:00:00Z\" title=\"2025-02-01 08:00:00 UTC\">1 Feb 2025</time>");
    }

    @Test
    void settingsShowUnderTheFormsLabelsWithCloudflaresValueOnHover() throws Exception {
        cloudflare.removeAll();
        cloudflare.add(widget("0x4AAAAAAAjs", "Login", WidgetMode.NON_INTERACTIVE, Region.WORLD));

        String page = mvc.perform(LIST.by(Role.VIEWER)).andReturn().getResponse().getContentAsString();

        assertThat(page).contains(
                "<td data-label=\"Mode\" class=\"setting short\" title=\"non-interactive\">Non-interactive</td>",
                "<td data-label=\"Region\" class=\"setting short\" title=\"world\">World</td>",
                "<td data-label=\"Clearance\" class=\"setting\" title=\"jschallenge\">JavaScript challenge</td>");
    }

    @Test
    void theListOpensTheNewestFirstAndTheCreatedHeaderSaysSo() throws Exception {
        String page = mvc.perform(LIST.by(Role.VIEWER)).andReturn().getResponse().getContentAsString();

        assertThat(page)
            .containsPattern(
                    "aria-sort=\"descending\">\\s*<a href=\"" + WIDGETS + "\\?sort=created&amp;dir=asc\">Created<")
            .containsPattern("aria-sort=\"none\">\\s*<a href=\"" + WIDGETS + "\\?sort=name&amp;dir=asc\">Name<")
            .doesNotContain("aria-sort=\"ascending\"");
    }

    @Test
    void modeAndRegionFiltersShowOnlyTheWidgetsThatMatchFromOneCallWhenOnePageHoldsThemAll() throws Exception {
        cloudflare.removeAll();
        cloudflare.add(widget("0x4AAAAAAAone", "Managed world", WidgetMode.MANAGED, Region.WORLD));
        cloudflare.add(widget("0x4AAAAAAAtwo", "Invisible world", WidgetMode.INVISIBLE, Region.WORLD));
        cloudflare.add(widget("0x4AAAAAAAtre", "Invisible china", WidgetMode.INVISIBLE, Region.CHINA));

        String invisible = mvc.perform(LIST.with("mode", "invisible").by(Role.VIEWER))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(invisible)
            .contains("Invisible world", "Invisible china", "1–2 of 2",
                    "<option value=\"invisible\" selected=\"selected\">Invisible</option>")
            .doesNotContain("Managed world", "id=\"partial-note\"");
        assertThat(cloudflare.calls()).containsExactly("list");

        String inChina = mvc.perform(LIST.with("mode", "invisible").with("region", "china").by(Role.VIEWER))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(inChina).contains("Invisible china", "1–1 of 1").doesNotContain("Invisible world");

        String none = mvc.perform(LIST.with("mode", "managed").with("region", "china").by(Role.VIEWER))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(none).contains("No widget matches these filters.", "Show every widget");
    }

    @Test
    void aModeFilterOverMoreThan5000WidgetsReadsFivePagesOf1000AndSaysTheResultIsPartial() throws Exception {
        addWidgetsEveryTenthInvisible(5_100);

        String page = mvc.perform(LIST.with("mode", "invisible").with("page", "2").by(Role.VIEWER))
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(cloudflare.calls()).hasSize(WidgetService.FILTER_PAGES).containsOnly("list");
        assertThat(page)
            .contains("id=\"partial-note\"", "among the first <strong>5,000</strong> widgets", "26–50 of 500",
                    "Invisible 25<", "Invisible 49<")
            .doesNotContain("Invisible 50<");
    }

    /**
     * Widgets named "Invisible 0", "Managed 0" ... "Managed 0", "Invisible 1"...: every
     * tenth invisible.
     */
    private void addWidgetsEveryTenthInvisible(int count) {
        cloudflare.removeAll();
        for (int i = 0; i < count; i++) {
            boolean invisible = i % 10 == 0;
            cloudflare.add(widget("0x4AAAAAAA" + i, (invisible ? "Invisible " : "Managed ") + i / 10,
                    invisible ? WidgetMode.INVISIBLE : WidgetMode.MANAGED, Region.WORLD));
        }
    }

    private static Widget widget(String sitekey, String name, WidgetMode mode, Region region) {
        return new Widget(
                new Sitekey(sitekey), new WidgetSettings(name, List.of("example.com"), mode,
                        ClearanceLevel.JS_CHALLENGE, region, false, false, false),
                Instant.EPOCH, Instant.EPOCH, null, null);
    }

    @ParameterizedTest(name = "{0} is offered a new widget: {1}")
    @CsvSource({ "VIEWER, false", "EDITOR, true", "ADMIN, true" })
    void onlyEditorsAndAdminsAreOfferedANewWidget(Role role, boolean offered) throws Exception {
        String page = mvc.perform(LIST.by(role)).andReturn().getResponse().getContentAsString();

        assertThat(Html.ids(page).contains("new-widget")).isEqualTo(offered);
        assertThat(page.contains(WIDGETS + "/new")).isEqualTo(offered);
    }

    @ParameterizedTest(name = "{0} is offered the audit trail: {1}")
    @CsvSource({ "VIEWER, false", "EDITOR, false", "ADMIN, true" })
    void onlyAdminsAreOfferedTheAuditTrailInTheHeader(Role role, boolean offered) throws Exception {
        String page = mvc.perform(LIST.by(role)).andReturn().getResponse().getContentAsString();

        assertThat(Html.ids(page).contains("audit-link")).isEqualTo(offered);
        assertThat(page.contains("/accounts/" + WebSliceTestConfiguration.ACCOUNT.value() + "/audit"))
            .isEqualTo(offered);
    }

    @org.junit.jupiter.api.Test
    void aPagePastTheEndSaysSoWithoutAPagerOrClaimingItOnceExisted() throws Exception {
        cloudflare.removeAll();
        String page = mvc.perform(LIST.with("page", "9").by(Role.VIEWER))
            .andReturn()
            .getResponse()
            .getContentAsString();

        org.assertj.core.api.Assertions.assertThat(page)
            .contains("There is no page <span>9</span>: the list has fewer widgets.")
            .doesNotContain("any more", "class=\"pager\"", "0 of ");
    }

    @ParameterizedTest(name = "{0} is offered to create the first widget: {1}")
    @CsvSource({ "VIEWER, false", "EDITOR, true", "ADMIN, true" })
    void anEmptyListInvitesOnlyEditorsAndAdminsToCreateTheFirstWidget(Role role, boolean offered) throws Exception {
        cloudflare.removeAll();

        String page = mvc.perform(LIST.by(role)).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("This account has no Turnstile widgets yet.");
        assertThat(page.contains("Create the first widget")).isEqualTo(offered);
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = { "text/html,application/xhtml+xml,*/*;q=0.8", "*/*", "" })
    void anonymousIsSentToSignInWhateverItAccepts(String accept) throws Exception {
        mvc.perform(accept.isEmpty() ? LIST.anonymously() : LIST.anonymously().header("Accept", accept))
            .andExpect(status().isFound())
            .andExpect(redirectedUrl("/login"));

        assertThat(cloudflare.calls()).isEmpty();
    }

    @Test
    void htmxRequestGetsOnlyTheResults() throws Exception {
        String fragment = mvc.perform(LIST.by(Role.VIEWER).param("q", "shop").header("HX-Request", "true"))
            .andExpect(status().isOk())
            .andExpect(header().string("HX-Push-Url", WIDGETS + "?q=shop&by=name"))
            .andExpect(header().string("Vary", containsString("HX-Request")))
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(fragment).startsWith("<section id=\"results\"").doesNotContain("<html").contains("Shop checkout");
    }

    @Test
    void plainRequestGetsTheWholePage() throws Exception {
        String page = mvc.perform(LIST.by(Role.VIEWER)).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<html", "id=\"filter\"", "id=\"results\"", "Sandbox — not connected to Cloudflare.");
    }

    @ParameterizedTest
    @ValueSource(strings = { "page=abc&size=1.5", "page=-1&size=", "page=0x10&page=2&size=7" })
    void aPageOrSizeThatCannotBeReadOpensTheListAtItsDefaultsRatherThanA400(String query) throws Exception {
        String page = mvc.perform(Route.get(WIDGETS + "?" + query).by(Role.VIEWER))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("Shop checkout", "<option value=\"25\" selected=\"selected\">25</option>");
    }

    @Test
    void underAContextPathEveryLinkFormAndPushedAddressOfTheListStartsWithIt() throws Exception {
        cloudflare.removeAll();
        for (int i = 0; i < 30; i++) {
            cloudflare.add("0x4AAAAAAActx" + i, "Widget " + i);
        }
        String page = underAdmin(WIDGETS + "?size=10&page=2");

        assertThat(Links.of(page)).as("rows, sort, filter form, pager, header")
            .contains(ADMIN + WIDGETS, ADMIN + WIDGETS + "/new", ADMIN + WIDGETS + "?size=10",
                    ADMIN + WIDGETS + "?size=10&page=3", ADMIN + WIDGETS + "?sort=name&dir=asc&size=10")
            .anyMatch(link -> link.matches(ADMIN + WIDGETS + "/0x4AAAAAAActx\\d+"));
        // "Show every widget" and "Go to the first page" are on the empty states.
        assertThat(Stream.of(page, underAdmin(WIDGETS + "?q=nothing"), underAdmin(WIDGETS + "?page=9"))
            .flatMap(html -> Links.outside(ADMIN, html).stream())).isEmpty();
        mvc.perform(Route.get(ADMIN + WIDGETS + "?size=10&page=2")
            .by(Role.ADMIN)
            .contextPath(ADMIN)
            .header("HX-Request", "true"))
            .andExpect(header().string("HX-Push-Url", ADMIN + WIDGETS + "?size=10&page=2"));
    }

    private String underAdmin(String path) throws Exception {
        return mvc.perform(Route.get(ADMIN + path).by(Role.ADMIN).contextPath(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

    @Test
    void cloudflareOutageShowsAPageWithARetryLinkAndNoExceptionText() throws Exception {
        CloudflareUnavailableException outage = new CloudflareUnavailableException("list widgets",
                CloudflareUnavailableException.Reason.SERVER_ERROR, 502, null, null);
        cloudflare.failNextCallWith(outage);

        String page = mvc.perform(Route.get(WIDGETS + "?q=shop").by(Role.VIEWER))
            .andExpect(status().isServiceUnavailable())
            .andExpect(view().name("error"))
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("<h1>Cloudflare is unavailable</h1>", "class=\"retry\"",
                "href=\"" + WIDGETS + "?q=shop\"");
        // An error page is still a page of this app: the sandbox banner and who is signed
        // in.
        assertThat(page).contains("Sandbox — not connected to Cloudflare", "class=\"signed-in-user\"");
        assertThat(page).doesNotContain(outage.getMessage(), "Exception", "HTTP 502", "list widgets");
    }

    @Test
    void theHeaderOffersEveryConfiguredAccountAndMarksTheCurrentOne() throws Exception {
        String page = mvc.perform(Route.get(WIDGETS).by(Role.VIEWER))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("<summary>Sandbox account</summary>",
                "<a href=\"" + WIDGETS + "\" aria-current=\"page\">Sandbox account</a>",
                "<a href=\"/accounts/" + WebSliceTestConfiguration.STAGING.value() + "/widgets\">Staging</a>");
    }

    @Test
    void unknownAccountIsNotFoundWithoutACall() throws Exception {
        mvc.perform(Route.get("/accounts/" + UNKNOWN_ACCOUNT.value() + "/widgets").by(Role.ADMIN))
            .andExpect(status().isNotFound());

        assertThat(cloudflare.calls()).isEmpty();
    }

    @Test
    void aScriptInAWidgetNameIsShownAsText() throws Exception {
        cloudflare.add("0x4AAAAAAAxss", "<script>alert(1)</script>");

        String page = mvc.perform(LIST.by(Role.ADMIN)).andReturn().getResponse().getContentAsString();

        assertThat(page).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

}
