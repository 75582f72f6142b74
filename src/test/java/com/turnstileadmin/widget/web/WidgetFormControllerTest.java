package com.turnstileadmin.widget.web;

import static com.turnstileadmin.text.ShownText.shownAs;
import static com.turnstileadmin.web.WebSliceTestConfiguration.WIDGETS;
import static com.turnstileadmin.widget.FakeTurnstileWidgets.SHOP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.turnstileadmin.security.Role;
import com.turnstileadmin.web.Html;
import com.turnstileadmin.web.Route;
import com.turnstileadmin.web.WebSliceTest;
import com.turnstileadmin.widget.CloudflareApiException;
import com.turnstileadmin.widget.CloudflareError;
import com.turnstileadmin.widget.CloudflareUnavailableException;
import com.turnstileadmin.widget.FakeTurnstileWidgets;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.WidgetSetting;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultMatcher;

@WebSliceTest({ WidgetFormController.class, WidgetFieldCheckController.class })
class WidgetFormControllerTest {

    private static final String SHOP_PATH = WIDGETS + "/" + SHOP;

    private static final Route NEW = Route.get(WIDGETS + "/new");

    private static final Route CREATE = Route.post(WIDGETS, "edited.name", "Shop login", "edited.domains",
            "shop.example.com\nlogin.example.com", "edited.mode", "managed", "edited.clearanceLevel", "no_clearance",
            "edited.region", "world");

    private static final Route EDIT = Route.get(SHOP_PATH + "/edit");

    /** The edit form of "Shop checkout" as it was opened, with a domain added. */
    private static final Route UPDATE = Route.post(SHOP_PATH + "/edit", "edited.name", "Shop checkout",
            "edited.domains", "example.com\nshop.example.com", "edited.mode", "managed", "edited.clearanceLevel",
            "no_clearance", "edited.region", "world", "modifiedOn", "1970-01-01T00:00:00Z", "base.name",
            "Shop checkout", "base.domains", "example.com", "base.mode", "managed", "base.clearanceLevel",
            "no_clearance");

    private static final Route VALIDATE = Route.post(WIDGETS + "/validate", "field", "domains", "edited.domains",
            "https://shop.example.com/");

    @Autowired
    private MockMvc mvc;

    @Autowired
    private FakeTurnstileWidgets cloudflare;

    @Autowired
    private MessageSource messages;

    @Autowired
    private JdbcTemplate jdbc;

    @ParameterizedTest
    @EnumSource(value = Role.class, names = { "EDITOR", "ADMIN" })
    void editorsAndAdminsOpenAnEmptyFormWithoutACall(Role role) throws Exception {
        String page = mvc.perform(NEW.by(role))
            .andExpect(status().isOk())
            .andExpect(view().name("widgets/form"))
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(Html.text(page, "h1")).isEqualTo("New widget");
        assertThat(Html.first(page, "#widget-form").attr("action")).isEqualTo(WIDGETS);
        assertThat(cloudflare.calls()).isEmpty();
    }

    @Test
    void aNewFormCarriesAOneTimeTokenOfItsOwn() throws Exception {
        assertThat(createTokenIn(newForm())).matches("[A-Za-z0-9_-]{22}").isNotEqualTo(createTokenIn(newForm()));
    }

    @Test
    void theSameFormSentAgainLeadsToTheWidgetItMadeAndCreatesNoOther() throws Exception {
        String token = createTokenIn(newForm());
        mvc.perform(CREATE.with("createToken", token).by(Role.EDITOR)).andExpect(status().isCreated());

        mvc.perform(CREATE.with("createToken", token).by(Role.EDITOR))
            .andExpect(redirectedUrl(WIDGETS + "/0x4AAAAAAAnew1"))
            .andExpect(flash().attribute("flash", shownAs(messages,
                    startsWith("This form was sent before and made this widget; nothing new was created."))));

        assertThat(cloudflare.calls()).as("one create, and its look at the names")
            .containsExactly("create Shop login", "list");
    }

    @Test
    void aFormWhoseCreateWasRefusedKeepsItsTokenAndMayBeSentAgain() throws Exception {
        String token = createTokenIn(newForm());
        cloudflare.failNextCallWith(new CloudflareApiException("create widget", 400,
                List.of(new CloudflareError(10403, "offlabel needs Enterprise", "/offlabel", WidgetSetting.OFFLABEL))));
        String refused = refused(CREATE.with("createToken", token).by(Role.EDITOR));
        assertThat(createTokenIn(refused)).isEqualTo(token);

        mvc.perform(CREATE.with("createToken", token).by(Role.EDITOR)).andExpect(status().isCreated());

        assertThat(cloudflare.calls()).containsExactly("create Shop login", "create Shop login", "list");
    }

    @Test
    void aFormStillBeingAnsweredIsNotSentTwice() throws Exception {
        String token = createTokenIn(newForm());
        jdbc.update("INSERT INTO sent_create_form (token, account_id, sent_at) VALUES (?, ?, CURRENT_TIMESTAMP)", token,
                WIDGETS.split("/")[2]);

        String page = mvc.perform(CREATE.with("createToken", token).by(Role.EDITOR))
            .andExpect(status().isConflict())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(Html.texts(page, "#error-summary li")).singleElement()
            .asString()
            .contains("This form was sent a moment ago and is still being answered");
        assertThat(Html.first(page, "#name").val()).isEqualTo("Shop login");
        assertThat(cloudflare.calls()).isEmpty();
    }

    private String newForm() throws Exception {
        return mvc.perform(NEW.by(Role.EDITOR))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

    private static String createTokenIn(String page) {
        return Html.first(page, "#widget-form input[type=hidden][name=createToken]").val();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = { "EDITOR", "ADMIN" })
    void editorsAndAdminsCreateAWidgetAndSeeBothKeysOnceOnAResponseNoCacheKeeps(Role role) throws Exception {
        String page = mvc.perform(CREATE.by(role))
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", WIDGETS + "/0x4AAAAAAAnew1"))
            .andExpect(header().string("Cache-Control", "no-store"))
            .andExpect(view().name("widgets/created"))
            .andReturn()
            .getResponse()
            .getContentAsString();

        Sitekey created = new Sitekey("0x4AAAAAAAnew1");
        assertThat(page).contains("Widget “Shop login” created", created.value());
        assertThat(Html.text(page, "#created-secret")).isEqualTo(cloudflare.secret(created).value());
        assertThat(Html.ids(page)).doesNotContain("name-taken");
        // The create, then one look at the account's names (the list filtered by it) for
        // a duplicate.
        assertThat(cloudflare.calls()).containsExactly("create Shop login", "list");
        assertThat(cloudflare.widget(new Sitekey("0x4AAAAAAAnew1")).settings().domains())
            .containsExactly("shop.example.com", "login.example.com");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = { "EDITOR", "ADMIN" })
    void editorsAndAdminsOpenTheEditFormFilledIn(Role role) throws Exception {
        String page = mvc.perform(EDIT.by(role))
            .andExpect(status().isOk())
            .andExpect(view().name("widgets/form"))
            .andReturn()
            .getResponse()
            .getContentAsString();

        Document form = Html.parse(page);
        assertThat(form.expectFirst("#widget-form").attr("action")).isEqualTo(SHOP_PATH + "/edit");
        assertThat(form.expectFirst("#name").val()).isEqualTo("Shop checkout");
        assertThat(form.expectFirst("input[name=modifiedOn]").val()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(form.expectFirst("input[name=base.name]").val()).isEqualTo("Shop checkout");
        assertThat(cloudflare.calls()).containsExactly("get " + SHOP);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = { "EDITOR", "ADMIN" })
    void editorsAndAdminsSaveAnEditAfterCheckingNobodyChangedTheWidget(Role role) throws Exception {
        mvc.perform(UPDATE.by(role))
            .andExpect(redirectedUrl(SHOP_PATH))
            .andExpect(flash().attribute("flash", shownAs(messages, "Widget “Shop checkout” saved.")));

        assertThat(cloudflare.calls()).containsExactly("get " + SHOP, "update " + SHOP);
        assertThat(cloudflare.widget(SHOP).settings().domains()).containsExactly("example.com", "shop.example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = { "xyz", "edited.name", "modifiedOn", "" })
    void aFieldTheFormDoesNotHaveIsABadRequestNotTheName(String field) throws Exception {
        mvc.perform(VALIDATE.with("field", field).with("edited.name", "").by(Role.EDITOR))
            .andExpect(status().isBadRequest());

        assertThat(cloudflare.calls()).isEmpty();
    }

    @Test
    void aSwitchHasNothingToCheckAsTheUserLeavesIt() throws Exception {
        String fragment = mvc.perform(VALIDATE.with("field", "botFightMode").with("edited.name", "").by(Role.EDITOR))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(fragment.strip()).isEqualTo("<small id=\"botFightMode-message\"></small>");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = { "EDITOR", "ADMIN" })
    void editorsAndAdminsHaveAFieldCheckedAsTheyLeaveIt(Role role) throws Exception {
        String fragment = mvc.perform(VALIDATE.by(role))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(fragment.strip()).startsWith("<small id=\"domains-message\">").doesNotContain("<html");
        assertThat(Html.text(fragment, "#domains-message")).startsWith("Not a hostname");
        assertThat(cloudflare.calls()).isEmpty();
    }

    @Test
    void aNameAnotherWidgetHasIsSavedAndSaidSo() throws Exception {
        String page = mvc.perform(CREATE.with("edited.name", "Shop checkout").by(Role.EDITOR))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(Html.text(page, "#name-taken")).contains("Another widget in this account has the same");
    }

    @Test
    void aRenameToANameAnotherWidgetHasIsSavedWithAWarning() throws Exception {
        cloudflare.add("0x4AAAAAAAtwin", "Shop login");

        mvc.perform(UPDATE.with("edited.name", "Shop login").by(Role.EDITOR))
            .andExpect(redirectedUrl(SHOP_PATH))
            .andExpect(flash().attribute("flash", shownAs(messages, "Widget “Shop login” saved. Another widget in this "
                    + "account has the same name: the sitekey tells them apart.")));

        assertThat(cloudflare.calls()).containsExactly("get " + SHOP, "update " + SHOP, "list");
    }

    @Test
    void anEditThatChangesNothingSendsNothingAndSaysSo() throws Exception {
        mvc.perform(UPDATE.with("edited.domains", "example.com").by(Role.EDITOR))
            .andExpect(redirectedUrl(SHOP_PATH))
            .andExpect(flash().attribute("flash", shownAs(messages, "No changes to save.")));

        assertThat(cloudflare.calls()).isEmpty();
    }

    @Test
    void aRefusedSaveIsA422WithASummaryLinkingEachProblemToItsField() throws Exception {
        String page = refused(
                CREATE.with("edited.name", " ").with("edited.domains", "https://shop.example.com/").by(Role.EDITOR));

        Element summary = Html.first(page, "#error-summary");
        assertThat(summary.attr("role")).isEqualTo("alert");
        assertThat(summary.attr("tabindex")).isEqualTo("-1");
        assertThat(summary.hasAttr("autofocus")).isTrue();
        assertThat(summary.select("a").stream().map(link -> link.attr("href") + " " + link.text())).satisfiesExactly(
                name -> assertThat(name).isEqualTo("#name Give the widget a name."),
                domains -> assertThat(domains).startsWith("#domains Not a hostname"));
        // The field's message stands between the field and its hint.
        assertThat(List.copyOf(Html.ids(page))).containsSubsequence("domains", "domains-message", "domains-hint");
    }

    @Test
    void anEnterpriseRefusalIsInTheSummaryLinkedToItsSwitch() throws Exception {
        cloudflare.failNextCallWith(new CloudflareApiException("create widget", 400,
                List.of(new CloudflareError(10403, "offlabel needs Enterprise", "/offlabel", WidgetSetting.OFFLABEL))));

        String page = refused(CREATE.with("edited.offlabel", "true").by(Role.EDITOR));

        assertThat(Html.text(page, "#error-summary a[href=#offlabel]"))
            .isEqualTo("Cloudflare says: offlabel needs Enterprise");
        assertThat(Html.first(page, "#offlabel").attr("type")).as("the link's target: the switch")
            .isEqualTo("checkbox");
    }

    @Test
    void aRefusalWithoutAReasonSaysItsStatusAtTheTop() throws Exception {
        cloudflare.failNextCallWith(new CloudflareApiException("create widget", 400, List.of()));

        String page = refused(CREATE.by(Role.EDITOR));

        assertThat(page).contains("<span>Cloudflare says: HTTP 400</span>");
    }

    @Test
    void anInternationalDomainIsSentInItsAsciiForm() throws Exception {
        mvc.perform(CREATE.with("edited.domains", "münchen.example.com").by(Role.EDITOR))
            .andExpect(status().isCreated());

        assertThat(cloudflare.widget(new Sitekey("0x4AAAAAAAnew1")).settings().domains())
            .containsExactly("xn--mnchen-3ya.example.com");
    }

    @Test
    void leavingAnInternationalDomainSaysHowItWillBeSent() throws Exception {
        String fragment = mvc.perform(VALIDATE.with("edited.domains", "münchen.example.com").by(Role.EDITOR))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(Html.text(fragment, "#domains-message")).isEmpty();
        assertThat(Html.text(fragment, "#domains-note"))
            .contains("münchen.example.com is sent as xn--mnchen-3ya.example.com.");
    }

    @Test
    void theFormsAreOnPagesNoCacheKeeps() throws Exception {
        mvc.perform(NEW.by(Role.EDITOR)).andExpect(header().string("Cache-Control", "no-store"));
        mvc.perform(EDIT.by(Role.EDITOR)).andExpect(header().string("Cache-Control", "no-store"));
    }

    @Test
    void invalidInputComesBackWithTheMessageAtItsFieldAndNoCall() throws Exception {
        String page = refused(
                CREATE.with("edited.name", " ").with("edited.domains", "https://shop.example.com/").by(Role.EDITOR),
                view().name("widgets/form"));

        Document form = Html.parse(page);
        assertThat(form.expectFirst("#name-message").text()).isEqualTo("Give the widget a name.");
        assertThat(form.expectFirst("#domains-message").text())
            .startsWith("Not a hostname, IPv4 or IPv6 address: “https://shop.example.com/”.");
        assertThat(form.expectFirst("textarea#domains").val()).isEqualTo("https://shop.example.com/");
        assertThat(cloudflare.calls()).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("outages")
    void anOutageKeepsWhatTheUserTypedAndSaysSoAtTheTop(CloudflareUnavailableException outage, String message)
            throws Exception {
        cloudflare.failNextCallWith(outage);

        String page = refused(CREATE.by(Role.EDITOR), view().name("widgets/form"));

        Document form = Html.parse(page);
        assertThat(form.expectFirst("#name").val()).isEqualTo("Shop login");
        assertThat(form.expectFirst("textarea#domains").val()).isEqualTo("shop.example.com\nlogin.example.com");
        assertThat(form.select("#error-summary span").eachText()).as("at the top, before the first field")
            .singleElement()
            .asString()
            .startsWith(message);
        assertThat(List.copyOf(Html.ids(page))).containsSubsequence("error-summary", "name");
        assertThat(page).doesNotContain(outage.getMessage());
        assertThat(cloudflare.calls()).containsExactly("create Shop login");
    }

    static Stream<Arguments> outages() {
        CloudflareUnavailableException timeout = new CloudflareUnavailableException("create widget",
                CloudflareUnavailableException.Reason.TIMEOUT, 0, null, null);
        return Stream.of(
                Arguments.of(
                        new CloudflareUnavailableException("create widget",
                                CloudflareUnavailableException.Reason.CONNECTION_FAILED, 0, null, null),
                        "Cloudflare could not be reached, so nothing was saved."),
                Arguments.of(timeout.withOutcomeUnknown(),
                        "Cloudflare did not answer properly, so it is not known whether this was saved."));
    }

    @Test
    void anOutageDuringAnEditKeepsTheEditToo() throws Exception {
        cloudflare.failNextCallWith(new CloudflareUnavailableException("get widget",
                CloudflareUnavailableException.Reason.SERVER_ERROR, 503, null, null));

        String page = refused(UPDATE.by(Role.EDITOR));

        Document form = Html.parse(page);
        assertThat(form.select("#error-summary span").eachText()).singleElement()
            .asString()
            .startsWith("Cloudflare could not be reached, so nothing was saved.");
        assertThat(form.expectFirst("textarea#domains").val()).isEqualTo("example.com\nshop.example.com");
        assertThat(form.expectFirst("#widget-form").attr("action")).isEqualTo(SHOP_PATH + "/edit");
        assertThat(cloudflare.calls()).containsExactly("get " + SHOP);
    }

    @Test
    void cloudflaresRefusalOfTheDomainsIsShownAtTheDomainsField() throws Exception {
        cloudflare.failNextCallWith(new CloudflareApiException("create widget", 400, List.of(new CloudflareError(10400,
                "login.example.com is not a domain of this account", "/domains", WidgetSetting.DOMAINS))));

        String page = refused(CREATE.by(Role.EDITOR));

        assertThat(Html.text(page, "#domains-message"))
            .isEqualTo("Cloudflare says: login.example.com is not a domain of this account");
        assertThat(Html.first(page, "#name").val()).isEqualTo("Shop login");
        assertThat(Html.parse(page).select(".form-errors")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enterpriseFields")
    void cloudflaresRefusalOfAnEnterpriseSettingIsShownUnderTheEnterpriseToggles(WidgetSetting<?> setting)
            throws Exception {
        cloudflare.failNextCallWith(new CloudflareApiException("create widget", 400,
                List.of(new CloudflareError(10402, "only available with Turnstile Enterprise", null, setting))));

        String page = refused(CREATE.with(setting.field(), "true").by(Role.EDITOR));

        assertThat(Html.text(page, "#enterprise-message"))
            .isEqualTo("Cloudflare says: only available with Turnstile " + "Enterprise");
    }

    static Stream<WidgetSetting<?>> enterpriseFields() {
        return WidgetSetting.ALL.stream().filter(WidgetSetting::enterpriseOnly);
    }

    @Test
    void anEditThatMeetsSomeoneElsesRenameShowsTheConflictAndSavesNothing() throws Exception {
        cloudflare.changedElsewhere(SHOP, settings -> settings.withName("Checkout (renamed)"));

        String page = mvc.perform(UPDATE.by(Role.EDITOR))
            .andExpect(status().isOk())
            .andExpect(view().name("widgets/form"))
            .andReturn()
            .getResponse()
            .getContentAsString();

        Document form = Html.parse(page);
        assertThat(form.select("#conflict tbody tr").stream().map(row -> row.select("td").eachText()))
            .containsExactly(List.of("Name", "Shop checkout", "Checkout (renamed)", "(unchanged by you)"));
        assertThat(form.expectFirst("#name").val()).isEqualTo("Checkout (renamed)");
        assertThat(form.expectFirst("input[name=modifiedOn]").val()).isEqualTo(FakeTurnstileWidgets.NOW.toString());
        assertThat(form.expectFirst("textarea#domains").val()).isEqualTo("example.com\nshop.example.com");
        assertThat(cloudflare.calls()).containsExactly("get " + SHOP);
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @MethodSource("cutOffBases")
    void anEditFormWithoutItsBaseIsRefusedWithoutACallAndStaysAnEdit(String field, String value) throws Exception {
        String page = refused(UPDATE.with(field, value).by(Role.EDITOR));

        assertThat(Html.texts(page, "#error-summary span"))
            .containsExactly("This form is incomplete. Open the widget's edit page again.");
        assertThat(Html.first(page, "#widget-form").attr("action")).isEqualTo(SHOP_PATH + "/edit");
        assertThat(page).doesNotContain("Create widget");
        assertThat(cloudflare.calls()).isEmpty();
    }

    static Stream<Arguments> cutOffBases() {
        return Stream.of(Arguments.of("modifiedOn", ""), Arguments.of("modifiedOn", "yesterday"),
                Arguments.of("base.mode", ""), Arguments.of("base.name", ""), Arguments.of("base.clearanceLevel", ""));
    }

    /**
     * The page of a request the app refuses with its form again (422, which htmx swaps
     * like a success).
     */
    private String refused(RequestBuilder request, ResultMatcher... more) throws Exception {
        return mvc.perform(request)
            .andExpect(status().isUnprocessableContent())
            .andExpectAll(more)
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

}
