package com.turnstileadmin.widget.web;

import static com.turnstileadmin.web.WebSliceTestConfiguration.UNKNOWN_ACCOUNT;
import static com.turnstileadmin.web.WebSliceTestConfiguration.WIDGETS;
import static com.turnstileadmin.widget.FakeTurnstileWidgets.SHOP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.turnstileadmin.audit.Attempt;
import com.turnstileadmin.audit.AuditAction;
import com.turnstileadmin.audit.AuditEntry;
import com.turnstileadmin.audit.AuditTrail;
import com.turnstileadmin.security.Role;
import com.turnstileadmin.security.SignedInUser;
import com.turnstileadmin.time.Times;
import com.turnstileadmin.web.Html;
import com.turnstileadmin.web.Route;
import com.turnstileadmin.web.WebSliceTest;
import com.turnstileadmin.web.WebSliceTestConfiguration;
import com.turnstileadmin.widget.FakeTurnstileWidgets;
import com.turnstileadmin.widget.TestWidgets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@WebSliceTest(WidgetDetailsController.class)
class WidgetDetailsControllerTest {

    private static final Route DETAILS = Route.get(WIDGETS + "/" + SHOP);

    private static final Route REVEAL = Route.post(WIDGETS + "/" + SHOP + "/secret");

    /**
     * Every action the details page can offer, by the id of its button, link or dialog.
     */
    private static final List<String> ACTIONS = List.of("edit-widget", "reveal-secret", "rotate-secret",
            "delete-widget", "rotate-dialog", "delete-dialog");

    @Autowired
    private MockMvc mvc;

    @Autowired
    private FakeTurnstileWidgets cloudflare;

    @Autowired
    private AuditTrail audit;

    @Autowired
    private Times times;

    @ParameterizedTest(name = "{0} is offered: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            VIEWER | ''
            EDITOR | edit-widget reveal-secret
            ADMIN  | edit-widget reveal-secret rotate-secret delete-widget rotate-dialog delete-dialog
            """)
    void theDetailsOfferExactlyTheActionsOfTheRole(Role role, String offered) throws Exception {
        String page = mvc.perform(DETAILS.by(role)).andReturn().getResponse().getContentAsString();

        Document details = Html.parse(page);
        Set<String> expected = Html.words(offered);
        assertThat(ACTIONS).allSatisfy(action -> assertThat(details.getElementById(action) != null).as(action)
            .isEqualTo(expected.contains(action)));
        assertThat(details.select("dialog").eachAttr("id"))
            .isEqualTo(role == Role.ADMIN ? List.of("rotate-dialog", "delete-dialog") : List.of());
        assertThat(details.select("#secret .hint").eachText())
            .isEqualTo(role == Role.VIEWER ? List.of("Only editors and admins can see the secret.") : List.of());
    }

    @Test
    void everySettingButTheNameIsListedUnderItsLabelWithItsValueLabelled() throws Exception {
        cloudflare.add(TestWidgets.widget(TestWidgets.settings(), Instant.EPOCH));

        String page = mvc.perform(DETAILS.by(Role.VIEWER)).andReturn().getResponse().getContentAsString();

        List<String> entries = Html.parse(page)
            .select("dt")
            .stream()
            .map(term -> term.text() + ": " + term.nextElementSibling().text())
            .toList();
        assertThat(entries).containsSubsequence("Domains: example.com shop.example.com", "Mode: Invisible",
                "Clearance level: Managed", "Region: China", "Bot fight mode: On",
                "Remove Cloudflare branding (offlabel): Off", "Ephemeral ID: On");
        assertThat(entries).noneMatch(line -> line.startsWith("Name"));
    }

    @ParameterizedTest(name = "{0} sees the widget's history: {1}")
    @CsvSource({ "VIEWER, false", "EDITOR, false", "ADMIN, true" })
    void onlyAdminsSeeTheWidgetsHistoryLoadedOnceShownAndLinkedWithoutJavaScript(Role role, boolean shown)
            throws Exception {
        String page = mvc.perform(DETAILS.by(role)).andReturn().getResponse().getContentAsString();

        Elements loaders = Html.parse(page).select("#widget-history [hx-get]");
        assertThat(loaders.eachAttr("hx-get"))
            .isEqualTo(shown ? List.of(WIDGETS + "/" + SHOP + "/history") : List.of());
        assertThat(loaders.eachAttr("hx-trigger"))
            .isEqualTo(shown ? List.of("load, secret-revealed from:body") : List.of());
        assertThat(loaders.select("a").eachAttr("href")).as("without JavaScript")
            .isEqualTo(
                    shown ? List.of("/accounts/" + WebSliceTestConfiguration.ACCOUNT.value() + "/audit?widget=" + SHOP)
                            : List.of());
        assertThat(cloudflare.calls()).as("the history is not Cloudflare's").containsExactly("get " + SHOP);
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRoleOpensTheDetailsWithOneCloudflareCall(Role role) throws Exception {
        mvc.perform(DETAILS.by(role)).andExpect(status().isOk()).andExpect(view().name("widgets/details"));

        assertThat(cloudflare.calls()).containsExactly("get " + SHOP);
    }

    @Test
    void theDetailsPageNeverHoldsTheSecret() throws Exception {
        String page = mvc.perform(DETAILS.by(Role.ADMIN)).andReturn().getResponse().getContentAsString();

        assertThat(page).contains(SHOP.value()).doesNotContain(cloudflare.secret(SHOP).value());
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = { "EDITOR", "ADMIN" })
    void editorsAndAdminsRevealTheSecretOnAResponseNoCacheKeeps(Role role) throws Exception {
        String page = mvc.perform(REVEAL.by(role))
            .andExpect(status().isOk())
            .andExpect(view().name("widgets/details"))
            .andExpect(header().string("Cache-Control", "no-store"))
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("<html");
        assertThat(Html.text(page, "#secret-value")).isEqualTo(cloudflare.secret(SHOP).value());
        assertThat(cloudflare.calls()).containsExactly("get " + SHOP);
    }

    @Test
    void htmxRevealGetsOnlyTheSecretFragmentAndTellsTheHistoryToRefresh() throws Exception {
        String fragment = mvc.perform(REVEAL.by(Role.EDITOR).header("HX-Request", "true"))
            .andExpect(status().isOk())
            .andExpect(header().string("Cache-Control", "no-store"))
            .andExpect(header().string("HX-Trigger", "secret-revealed"))
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(fragment).startsWith("<div id=\"secret\"").doesNotContain("<html");
        assertThat(Html.text(fragment, "#secret #secret-value")).isEqualTo(cloudflare.secret(SHOP).value());
        assertThat(cloudflare.calls()).containsExactly("get " + SHOP);
    }

    @Test
    void theAddressANoScriptRevealLeavesLeadsBackToTheWidgetsPage() throws Exception {
        mvc.perform(Route.get(WIDGETS + "/" + SHOP + "/secret").by(Role.VIEWER))
            .andExpect(redirectedUrl(WIDGETS + "/" + SHOP));

        assertThat(cloudflare.calls()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "/secret" })
    void anUnknownAccountIsNotFoundWithoutACall(String action) throws Exception {
        String path = "/accounts/" + UNKNOWN_ACCOUNT.value() + "/widgets/" + SHOP + action;
        Route route = action.isEmpty() ? Route.get(path) : Route.post(path);

        mvc.perform(route.by(Role.ADMIN)).andExpect(status().isNotFound());

        assertThat(cloudflare.calls()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "0x4AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "0x4AAA~shop", "0x4AAA.shop" })
    void aMalformedSitekeyIsNotFoundWithoutACall(String sitekey) throws Exception {
        mvc.perform(Route.get(WIDGETS + "/" + sitekey).by(Role.ADMIN))
            .andExpect(status().isNotFound())
            .andExpect(view().name("error"));

        assertThat(cloudflare.calls()).isEmpty();
    }

    @Test
    void aWidgetCloudflareDoesNotHaveIsNotFound() throws Exception {
        String page = mvc.perform(Route.get(WIDGETS + "/0x4AAAAAAAgone").by(Role.VIEWER))
            .andExpect(status().isNotFound())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(Html.text(page, "h1")).isEqualTo("Widget not found");
        assertThat(cloudflare.calls()).containsExactly("get 0x4AAAAAAAgone");
    }

    @Test
    void aScriptInAWidgetNameIsShownAsText() throws Exception {
        cloudflare.add("0x4AAAAAAAxss", "<script>alert(1)</script>");

        String page = mvc.perform(Route.get(WIDGETS + "/0x4AAAAAAAxss").by(Role.ADMIN))
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void afterARotationHereThePageSaysUntilWhenThePreviousSecretWorksAndWhyTheButtonIsDisabled() throws Exception {
        Instant end = rotated(false).occurredAt().plus(Duration.ofHours(2));

        String page = mvc.perform(DETAILS.by(Role.ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        Document details = Html.parse(page);
        Element until = details.expectFirst("#grace-period time");
        assertThat(details.expectFirst("#grace-period").text()).startsWith("Previous secret valid until");
        assertThat(until.attr("datetime")).isEqualTo(times.iso(end));
        assertThat(until.text()).isEqualTo(times.timeOfDay(end));
        Element rotate = details.expectFirst("#rotate-secret");
        assertThat(rotate.tagName()).isEqualTo("button");
        assertThat(rotate.hasAttr("disabled")).isTrue();
        assertThat(rotate.attr("aria-describedby")).isEqualTo("rotate-unavailable");
        assertThat(rotate.hasAttr("data-dialog")).as("opens no dialog").isFalse();
        assertThat(details.expectFirst("#rotate-unavailable").text())
            .contains("The secret can be rotated again once the 2-hour grace period");
        assertThat(cloudflare.calls()).as("the grace period costs no Cloudflare call").containsExactly("get " + SHOP);
    }

    @Test
    void aViewerSeesTheGracePeriodButNoRotateButton() throws Exception {
        rotated(false);

        String page = mvc.perform(DETAILS.by(Role.VIEWER)).andReturn().getResponse().getContentAsString();

        assertThat(Html.ids(page)).contains("grace-period").doesNotContain("rotate-secret", "rotate-unavailable");
    }

    @Test
    void aRotationThatInvalidatedThePreviousSecretEndsTheGracePeriod() throws Exception {
        rotated(false);
        rotated(true);

        String page = mvc.perform(DETAILS.by(Role.ADMIN)).andReturn().getResponse().getContentAsString();

        assertRotateOffered(page);
    }

    @Test
    void withoutARotationHereTheRotateButtonIsOffered() throws Exception {
        String page = mvc.perform(DETAILS.by(Role.ADMIN)).andReturn().getResponse().getContentAsString();

        assertRotateOffered(page);
    }

    private static void assertRotateOffered(String page) {
        assertThat(Html.first(page, "#rotate-secret").attr("data-dialog")).isEqualTo("rotate-dialog");
        assertThat(Html.ids(page)).doesNotContain("grace-period", "rotate-unavailable");
    }

    /** A rotation of the shop widget's secret, recorded now as this app records one. */
    private AuditEntry rotated(boolean invalidateImmediately) {
        return audit.succeeded(new Attempt(new SignedInUser("local:admin", "admin", null, Role.ADMIN),
                WebSliceTestConfiguration.ACCOUNT, AuditAction.ROTATE_SECRET, SHOP.value(), "Shop checkout",
                invalidateImmediately, List.of()));
    }

}
