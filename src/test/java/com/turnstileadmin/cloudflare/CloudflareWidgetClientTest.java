package com.turnstileadmin.cloudflare;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.account.CloudflareAccount;
import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.account.Credentials;
import com.turnstileadmin.widget.ClearanceLevel;
import com.turnstileadmin.widget.CloudflareApiException;
import com.turnstileadmin.widget.CloudflareError;
import com.turnstileadmin.widget.Region;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.Widget;
import com.turnstileadmin.widget.WidgetFilter;
import com.turnstileadmin.widget.WidgetMode;
import com.turnstileadmin.widget.WidgetOrigin;
import com.turnstileadmin.widget.WidgetPage;
import com.turnstileadmin.widget.WidgetQuery;
import com.turnstileadmin.widget.WidgetSetting;
import com.turnstileadmin.widget.WidgetSettings;
import com.turnstileadmin.widget.WidgetSort;
import com.turnstileadmin.widget.WidgetWithSecret;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.reactive.function.client.WebClient;

class CloudflareWidgetClientTest {

    @RegisterExtension
    static final WireMockExtension wireMock = WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort())
        .build();

    private static final AccountId ACCOUNT = new AccountId("023e105f4ecef8ad9ca31a8372d0c353");

    private static final Sitekey SITEKEY = new Sitekey("0x4AAF00AAAABn0R22HWm-YUc");

    private static final String TOKEN = "Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQqnFTOFYY";

    private static final String EMAIL = "ops@example.com";

    private static final String GLOBAL_KEY = "144c9defac04969c7bfad8efaa8ea194";

    private static final String SEED_SECRET = "0x4AAF00AAAABn0R22HWm098HVBjhdsYUc";

    private static final Instant SEED_TIMESTAMP = Instant.parse("2014-01-01T05:20:00.123123Z");

    private static final String WIDGETS_PATH = "/client/v4/accounts/" + ACCOUNT.value() + "/challenges/widgets";

    private static final String WIDGET_PATH = WIDGETS_PATH + "/" + SITEKEY.value();

    private static final String ROTATE_PATH = WIDGET_PATH + "/rotate_secret";

    // ---- list
    // ----------------------------------------------------------------------------------

    @Test
    void listSendsOnlyPagingWhenNoSortOrFilterIsSet() {
        wireMock.stubFor(get(urlPathEqualTo(WIDGETS_PATH)).willReturn(json(fixture("seed-list.json"))));

        client().list(ACCOUNT, new WidgetQuery(3, 50, null, null));

        wireMock.verify(1, anyRequestedFor(anyUrl()));
        wireMock.verify(authenticatedWithToken(getRequestedFor(urlPathEqualTo(WIDGETS_PATH)))
            .withQueryParam("page", equalTo("3"))
            .withQueryParam("per_page", equalTo("50"))
            .withQueryParam("order", absent())
            .withQueryParam("direction", absent())
            .withQueryParam("filter", absent())
            .withHeader("Content-Type", absent()));
        assertThat(onlyRequest().getQueryParams()).containsOnlyKeys("page", "per_page");
        assertThat(onlyRequest().getBodyAsString()).isEmpty();
    }

    @Test
    void listSendsSortAndFilterWithSpecialCharactersIntact() {
        wireMock.stubFor(get(urlPathEqualTo(WIDGETS_PATH)).willReturn(json(fixture("seed-list.json"))));
        String text = "Shop & Co + Söhne 日本 50%=x";

        client().list(ACCOUNT,
                WidgetQuery.firstPage()
                    .sortedBy(WidgetSort.descending(WidgetSort.Field.CREATED_ON))
                    .filteredBy(WidgetFilter.nameContains(text)));

        wireMock.verify(1, anyRequestedFor(anyUrl()));
        wireMock.verify(authenticatedWithToken(getRequestedFor(urlPathEqualTo(WIDGETS_PATH)))
            .withQueryParam("page", equalTo("1"))
            .withQueryParam("per_page", equalTo("25"))
            .withQueryParam("order", equalTo("created_on"))
            .withQueryParam("direction", equalTo("desc"))
            .withQueryParam("filter", equalTo("name:" + text)));
        // An unencoded '&' or '=' would have split the filter into extra parameters.
        assertThat(onlyRequest().getQueryParams()).containsOnlyKeys("page", "per_page", "order", "direction", "filter");
        // A literal '+' would have been decoded as a space by the server.
        assertThat(onlyRequest().getUrl()).contains("%2B").doesNotContain(" ").doesNotContain("+");
    }

    @Test
    void listSortsBySitekeyAscendingAndFiltersBySitekey() {
        wireMock.stubFor(get(urlPathEqualTo(WIDGETS_PATH)).willReturn(json(fixture("seed-list.json"))));

        client().list(ACCOUNT,
                WidgetQuery.firstPage()
                    .sortedBy(WidgetSort.ascending(WidgetSort.Field.SITEKEY))
                    .filteredBy(WidgetFilter.sitekeyContains("0x4AAA")));

        wireMock.verify(getRequestedFor(urlPathEqualTo(WIDGETS_PATH)).withQueryParam("order", equalTo("sitekey"))
            .withQueryParam("direction", equalTo("asc"))
            .withQueryParam("filter", equalTo("sitekey:0x4AAA")));
    }

    @Test
    void listParsesTheSeedPage() {
        wireMock.stubFor(get(urlPathEqualTo(WIDGETS_PATH)).willReturn(json(fixture("seed-list.json"))));

        WidgetPage page = client().list(ACCOUNT, WidgetQuery.firstPage());

        assertThat(page.page()).isEqualTo(1);
        assertThat(page.perPage()).isEqualTo(20);
        assertThat(page.totalCount()).isEqualTo(2000);
        assertThat(page.widgets()).hasSize(1);
        assertIsSeedWidget(page.widgets().get(0));
    }

    // ---- get
    // -----------------------------------------------------------------------------------

    @Test
    void getRequestsTheWidgetByItsSitekeyAndParsesItWithItsSecret() {
        wireMock.stubFor(get(urlPathEqualTo(WIDGET_PATH)).willReturn(json(fixture("seed-get.json"))));

        WidgetWithSecret widget = client().get(ACCOUNT, SITEKEY);

        wireMock.verify(1, anyRequestedFor(anyUrl()));
        wireMock.verify(authenticatedWithToken(getRequestedFor(urlPathEqualTo(WIDGET_PATH))).withHeader("Content-Type",
                absent()));
        assertThat(onlyRequest().getQueryParams()).isEmpty();
        assertIsSeedWidget(widget.widget());
        assertThat(widget.secret().value()).isEqualTo(SEED_SECRET);
    }

    // ---- create
    // --------------------------------------------------------------------------------

    @Test
    void createPostsEverySettingAsSnakeCaseJson() {
        wireMock.stubFor(post(urlPathEqualTo(WIDGETS_PATH)).willReturn(json(fixture("seed-create.json"))));
        // Every value differs from Cloudflare's default, so that a field mapped from the
        // wrong source shows.
        WidgetSettings settings = new WidgetSettings("Checkout \"EU\"", List.of("shop.example.com", "203.0.113.7"),
                WidgetMode.NON_INTERACTIVE, ClearanceLevel.JS_CHALLENGE, Region.CHINA, true, true, true);

        WidgetWithSecret created = client().create(ACCOUNT, settings);

        wireMock.verify(1, anyRequestedFor(anyUrl()));
        wireMock.verify(authenticatedWithToken(postRequestedFor(urlPathEqualTo(WIDGETS_PATH)))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(equalToJson("""
                    {
                      "name": "Checkout \\"EU\\"",
                      "domains": ["shop.example.com", "203.0.113.7"],
                      "mode": "non-interactive",
                      "clearance_level": "jschallenge",
                      "region": "china",
                      "bot_fight_mode": true,
                      "offlabel": true,
                      "ephemeral_id": true
                    }
                    """)));
        assertThat(onlyRequest().getQueryParams()).isEmpty();
        assertIsSeedWidget(created.widget());
        assertThat(created.secret().value()).isEqualTo(SEED_SECRET);
    }

    @Test
    void createWithAnyHostnameSendsAnEmptyDomainList() {
        wireMock.stubFor(post(urlPathEqualTo(WIDGETS_PATH)).willReturn(json(fixture("seed-create.json"))));

        client().create(ACCOUNT, WidgetSettings.of("Anywhere", List.of(), WidgetMode.MANAGED));

        wireMock.verify(postRequestedFor(urlPathEqualTo(WIDGETS_PATH)).withRequestBody(equalToJson("""
                {"name": "Anywhere", "domains": [], "mode": "managed", "clearance_level": "no_clearance",
                 "region": "world", "bot_fight_mode": false, "offlabel": false, "ephemeral_id": false}
                """)));
    }

    // ---- update
    // --------------------------------------------------------------------------------

    @Test
    void updatePutsEverySettingIncludingDefaults() {
        wireMock.stubFor(put(urlPathEqualTo(WIDGET_PATH)).willReturn(json(fixture("seed-update.json"))));
        // Defaults must still be sent: the PUT is a full replacement and an absent field
        // may be reset.
        WidgetSettings settings = WidgetSettings.of("blog login", List.of("blog.example.com"), WidgetMode.INVISIBLE);

        WidgetWithSecret updated = client().update(ACCOUNT, SITEKEY, settings);

        wireMock.verify(1, anyRequestedFor(anyUrl()));
        wireMock.verify(authenticatedWithToken(putRequestedFor(urlPathEqualTo(WIDGET_PATH)))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(equalToJson("""
                    {
                      "name": "blog login",
                      "domains": ["blog.example.com"],
                      "mode": "invisible",
                      "clearance_level": "no_clearance",
                      "region": "world",
                      "bot_fight_mode": false,
                      "offlabel": false,
                      "ephemeral_id": false
                    }
                    """)));
        assertThat(onlyRequest().getQueryParams()).isEmpty();
        assertIsSeedWidget(updated.widget());
        assertThat(updated.secret().value()).isEqualTo(SEED_SECRET);
    }

    @Test
    void updateSendsAnUnknownModeBackAsItCame() {
        wireMock.stubFor(put(urlPathEqualTo(WIDGET_PATH)).willReturn(json(fixture("seed-update.json"))));
        WidgetSettings settings = WidgetSettings.of("x", List.of("example.com"), new WidgetMode("adaptive"))
            .withClearanceLevel(new ClearanceLevel("strict"));

        client().update(ACCOUNT, SITEKEY, settings);

        wireMock.verify(putRequestedFor(urlPathEqualTo(WIDGET_PATH)).withRequestBody(equalToJson("""
                {"name": "x", "domains": ["example.com"], "mode": "adaptive", "clearance_level": "strict",
                 "region": "world", "bot_fight_mode": false, "offlabel": false, "ephemeral_id": false}
                """)));
    }

    // ---- delete
    // --------------------------------------------------------------------------------

    @Test
    void deleteSendsNoBodyAndReturnsTheDeletedWidget() {
        wireMock.stubFor(delete(urlPathEqualTo(WIDGET_PATH)).willReturn(json(fixture("seed-delete.json"))));

        Widget deleted = client().delete(ACCOUNT, SITEKEY);

        wireMock.verify(1, anyRequestedFor(anyUrl()));
        wireMock.verify(authenticatedWithToken(deleteRequestedFor(urlPathEqualTo(WIDGET_PATH)))
            .withHeader("Content-Type", absent()));
        assertThat(onlyRequest().getQueryParams()).isEmpty();
        assertThat(onlyRequest().getBodyAsString()).isEmpty();
        assertIsSeedWidget(deleted);
    }

    // ---- rotate secret
    // -------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(booleans = { true, false })
    void rotateSecretPostsInvalidateImmediately(boolean invalidateImmediately) {
        wireMock.stubFor(post(urlPathEqualTo(ROTATE_PATH)).willReturn(json(fixture("seed-rotate-secret.json"))));

        WidgetWithSecret rotated = client().rotateSecret(ACCOUNT, SITEKEY, invalidateImmediately);

        wireMock.verify(1, anyRequestedFor(anyUrl()));
        wireMock.verify(authenticatedWithToken(postRequestedFor(urlPathEqualTo(ROTATE_PATH)))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(equalToJson("{\"invalidate_immediately\": " + invalidateImmediately + "}")));
        assertThat(onlyRequest().getQueryParams()).isEmpty();
        assertIsSeedWidget(rotated.widget());
        assertThat(rotated.secret().value()).isEqualTo(SEED_SECRET);
    }

    // ---- authentication
    // ------------------------------------------------------------------------

    @Test
    void globalApiKeyIsSentAsEmailAndKeyOnEveryOperationWithoutAuthorization() {
        stubEveryOperationWithFixtures();
        CloudflareWidgetClient client = client(new Credentials.GlobalApiKey(EMAIL, GLOBAL_KEY));

        client.list(ACCOUNT, WidgetQuery.firstPage());
        client.get(ACCOUNT, SITEKEY);
        client.create(ACCOUNT, settings());
        client.update(ACCOUNT, SITEKEY, settings());
        client.delete(ACCOUNT, SITEKEY);
        client.rotateSecret(ACCOUNT, SITEKEY, false);

        wireMock.verify(6, anyRequestedFor(anyUrl()));
        wireMock.verify(6,
                anyRequestedFor(anyUrl()).withHeader("X-Auth-Email", equalTo(EMAIL))
                    .withHeader("X-Auth-Key", equalTo(GLOBAL_KEY))
                    .withHeader("Authorization", absent()));
    }

    @Test
    void apiTokenIsSentAsBearerOnEveryOperationWithoutTheLegacyHeaders() {
        stubEveryOperationWithFixtures();
        CloudflareWidgetClient client = client();

        client.list(ACCOUNT, WidgetQuery.firstPage());
        client.get(ACCOUNT, SITEKEY);
        client.create(ACCOUNT, settings());
        client.update(ACCOUNT, SITEKEY, settings());
        client.delete(ACCOUNT, SITEKEY);
        client.rotateSecret(ACCOUNT, SITEKEY, true);

        wireMock.verify(6, anyRequestedFor(anyUrl()));
        wireMock.verify(6, authenticatedWithToken(anyRequestedFor(anyUrl())));
    }

    // ---- tolerant reader
    // -----------------------------------------------------------------------

    @Test
    void unknownFieldsAndEnumValuesAreToleratedAndKeptAsTheyCame() {
        wireMock.stubFor(get(urlPathEqualTo(WIDGET_PATH)).willReturn(json("""
                {
                  "success": true, "errors": [], "messages": [],
                  "brand_new_envelope_field": {"nested": [1, 2, 3]},
                  "result": {
                    "sitekey": "0x4AAAAAAAAj4Fj9W4Cx_2bx",
                    "secret": "0x4AAAAAAAAj4Fj9W4Cx_2bxSecretSecretSe",
                    "name": "future widget",
                    "domains": ["example.com"],
                    "mode": "adaptive",
                    "clearance_level": "ultra",
                    "region": "mars",
                    "bot_fight_mode": true,
                    "offlabel": false,
                    "ephemeral_id": true,
                    "created_on": "2025-06-30T23:59:59.999999Z",
                    "modified_on": "2025-07-01T00:00:00.000001Z",
                    "deployed_via": "terraform",
                    "last_modified_via": "dashboard",
                    "risk_score": 0.25,
                    "tags": ["a", "b"],
                    "limits": {"per_minute": 10}
                  }
                }
                """)));

        WidgetWithSecret read = client().get(ACCOUNT, SITEKEY);
        Widget widget = read.widget();

        assertThat(widget.sitekey()).isEqualTo(new Sitekey("0x4AAAAAAAAj4Fj9W4Cx_2bx"));
        assertThat(widget.settings().mode().value()).isEqualTo("adaptive");
        assertThat(widget.settings().mode().isKnown()).isFalse();
        assertThat(widget.settings().clearanceLevel().value()).isEqualTo("ultra");
        assertThat(widget.settings().clearanceLevel().isKnown()).isFalse();
        assertThat(widget.settings().region().value()).isEqualTo("mars");
        assertThat(widget.settings().region().isKnown()).isFalse();
        assertThat(widget.deployedVia()).isEqualTo(new WidgetOrigin("terraform"));
        assertThat(widget.deployedVia().isKnown()).isFalse();
        assertThat(widget.lastModifiedVia()).isEqualTo(WidgetOrigin.DASHBOARD);
        assertThat(widget.lastModifiedVia().isKnown()).isTrue();
        assertThat(widget.settings().botFightMode()).isTrue();
        assertThat(widget.settings().ephemeralId()).isTrue();
        assertThat(widget.createdOn()).isEqualTo(Instant.parse("2025-06-30T23:59:59.999999Z"));
        assertThat(widget.modifiedOn().getNano()).isEqualTo(1_000);
        assertThat(read.secret().value()).isEqualTo("0x4AAAAAAAAj4Fj9W4Cx_2bxSecretSecretSe");
    }

    @Test
    void listedWidgetWithUnknownValuesKeepsThem() {
        wireMock.stubFor(get(urlPathEqualTo(WIDGETS_PATH)).willReturn(json("""
                {"success": true, "errors": [], "messages": [],
                 "result": [{"sitekey": "0x4AAAAAAAAj4Fj9W4Cx_2bx", "name": "n", "domains": [],
                   "mode": "passkey", "clearance_level": "no_clearance", "region": "world",
                   "bot_fight_mode": false, "offlabel": false, "ephemeral_id": false,
                   "created_on": "2025-01-01T00:00:00Z", "modified_on": "2025-01-01T00:00:00+02:00",
                   "deployed_via": "api", "unexpected": null}],
                 "result_info": {"page": 1, "per_page": 25, "count": 1, "total_count": 1, "total_pages": 1}}
                """)));

        WidgetPage page = client().list(ACCOUNT, WidgetQuery.firstPage());

        Widget widget = page.widgets().get(0);
        assertThat(widget.settings().mode()).isEqualTo(new WidgetMode("passkey"));
        assertThat(widget.settings().mode().isKnown()).isFalse();
        assertThat(widget.settings().clearanceLevel()).isEqualTo(ClearanceLevel.NO_CLEARANCE);
        assertThat(widget.deployedVia()).isEqualTo(WidgetOrigin.API);
        assertThat(widget.lastModifiedVia()).isNull();
        assertThat(widget.modifiedOn()).isEqualTo(Instant.parse("2024-12-31T22:00:00Z"));
        assertThat(page.totalCount()).isEqualTo(1);
    }

    @Test
    void nonAsciiTextInAnAnswerWithoutCharsetIsReadAsUtf8() {
        // JSON is UTF-8 by definition (RFC 8259); Cloudflare does not always name the
        // charset.
        String name = "Anmeldung Söhne & Co – 日本語 🚀";
        wireMock.stubFor(get(urlPathEqualTo(WIDGET_PATH)).willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/json")
            .withBody(fixture("seed-get.json").replace("blog.cloudflare.com login form", name)
                .getBytes(StandardCharsets.UTF_8))));

        assertThat(client().get(ACCOUNT, SITEKEY).widget().name()).isEqualTo(name);
    }

    @Test
    void nonAsciiNameIsSentAsUtf8() {
        wireMock.stubFor(post(urlPathEqualTo(WIDGETS_PATH)).willReturn(json(fixture("seed-create.json"))));

        client().create(ACCOUNT, WidgetSettings.of("Kassé 日本", List.of("example.com"), WidgetMode.MANAGED));

        assertThat(new String(onlyRequest().getBody(), StandardCharsets.UTF_8)).contains("\"Kassé 日本\"");
    }

    @Test
    void baseUrlWithATrailingSlashStillReachesTheDocumentedPaths() {
        wireMock.stubFor(get(urlPathEqualTo(WIDGET_PATH)).willReturn(json(fixture("seed-get.json"))));
        CloudflareAccounts accounts = new CloudflareAccounts(URI.create(wireMock.baseUrl() + "/client/v4/"),
                List.of(new CloudflareAccount(ACCOUNT, "Test account", new Credentials.ApiToken(TOKEN))), false);

        new CloudflareWidgetClient(WebClient.builder(), accounts, properties()).get(ACCOUNT, SITEKEY);

        assertThat(onlyRequest().getUrl()).isEqualTo(WIDGET_PATH);
    }

    // ---- errors
    // --------------------------------------------------------------------------------

    @Test
    void clientErrorWithCloudflareEnvelopeBecomesApiExceptionWithItsErrors() {
        wireMock.stubFor(post(urlPathEqualTo(WIDGETS_PATH)).willReturn(json(400,
                """
                        {"success": false, "result": null, "messages": [],
                         "errors": [
                           {"code": 10001, "message": "name is too long", "source": {"pointer": "/name"}},
                           {"code": 10002, "message": "invalid domain", "documentation_url": "https://developers.cloudflare.com"}
                         ]}
                        """)));

        CloudflareApiException refused = catchThrowableOfType(CloudflareApiException.class,
                () -> client().create(ACCOUNT, settings()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.operation()).isEqualTo("create widget");
        assertThat(refused.errors()).containsExactly(
                new CloudflareError(10001, "name is too long", "/name", WidgetSetting.NAME),
                new CloudflareError(10002, "invalid domain"));
        assertThat(refused.isNotFound()).isFalse();
        assertThat(refused.isAuthenticationFailure()).isFalse();
        assertThat(refused.getMessage()).contains("HTTP 400", "10001 name is too long", "10002 invalid domain");
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void successFalseOnA200IsARefusal() {
        wireMock.stubFor(post(urlPathEqualTo(ROTATE_PATH)).willReturn(json("""
                {"success": false, "result": null, "messages": [],
                 "errors": [{"code": 10400, "message": "secret is in its grace period"}]}
                """)));

        CloudflareApiException refused = catchThrowableOfType(CloudflareApiException.class,
                () -> client().rotateSecret(ACCOUNT, SITEKEY, false));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.errors()).containsExactly(new CloudflareError(10400, "secret is in its grace period"));
    }

    @Test
    void notFoundIsAnApiExceptionThatSaysSoAndIsNotRetried() {
        wireMock.stubFor(get(urlPathEqualTo(WIDGET_PATH)).willReturn(json(404, """
                {"success": false, "result": null, "messages": [],
                 "errors": [{"code": 10404, "message": "widget not found"}]}
                """)));

        CloudflareApiException refused = catchThrowableOfType(CloudflareApiException.class,
                () -> client().get(ACCOUNT, SITEKEY));

        assertThat(refused.isNotFound()).isTrue();
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.errors()).extracting(CloudflareError::code).containsExactly(10404);
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void forbiddenHtmlPageIsAnApiExceptionWithoutErrors() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(403)
            .withHeader("Content-Type", "text/html")
            .withBody("<html><body><h1>Access denied</h1>Ray ID: 8f00000000000000</body></html>")));

        CloudflareApiException refused = catchThrowableOfType(CloudflareApiException.class,
                () -> client().list(ACCOUNT, WidgetQuery.firstPage()));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errors()).isEmpty();
        assertThat(refused.isAuthenticationFailure()).isTrue();
        assertThat(refused.getMessage()).contains("no error details").doesNotContain("<html>");
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void unauthorizedEnvelopeIsAnAuthenticationFailure() {
        wireMock.stubFor(delete(urlPathEqualTo(WIDGET_PATH)).willReturn(json(401, """
                {"success": false, "result": null, "messages": [],
                 "errors": [{"code": 10000, "message": "Authentication error"}]}
                """)));

        CloudflareApiException refused = catchThrowableOfType(CloudflareApiException.class,
                () -> client().delete(ACCOUNT, SITEKEY));

        assertThat(refused.isAuthenticationFailure()).isTrue();
        assertThat(refused.getMessage()).doesNotContain(TOKEN);
    }

    // ---- helpers
    // -------------------------------------------------------------------------------

    private static void assertIsSeedWidget(Widget widget) {
        assertThat(widget.sitekey()).isEqualTo(SITEKEY);
        assertThat(widget.name()).isEqualTo("blog.cloudflare.com login form");
        assertThat(widget.settings().domains()).containsExactly("203.0.113.1", "cloudflare.com", "blog.example.com");
        assertThat(widget.settings().mode()).isEqualTo(WidgetMode.INVISIBLE);
        assertThat(widget.settings().mode().isKnown()).isTrue();
        assertThat(widget.settings().clearanceLevel()).isEqualTo(ClearanceLevel.INTERACTIVE);
        assertThat(widget.settings().region()).isEqualTo(Region.WORLD);
        assertThat(widget.settings().botFightMode()).isFalse();
        assertThat(widget.settings().offlabel()).isFalse();
        assertThat(widget.settings().ephemeralId()).isFalse();
        assertThat(widget.createdOn()).isEqualTo(SEED_TIMESTAMP);
        assertThat(widget.createdOn().getNano()).isEqualTo(123_123_000);
        assertThat(widget.modifiedOn()).isEqualTo(SEED_TIMESTAMP);
        // The seeds predate deployed_via and last_modified_via.
        assertThat(widget.deployedVia()).isNull();
        assertThat(widget.lastModifiedVia()).isNull();
    }

    private static RequestPatternBuilder authenticatedWithToken(RequestPatternBuilder pattern) {
        return pattern.withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withHeader("X-Auth-Email", absent())
            .withHeader("X-Auth-Key", absent());
    }

    private static LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = wireMock.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static void stubEveryOperationWithFixtures() {
        wireMock.stubFor(get(urlPathEqualTo(WIDGETS_PATH)).willReturn(json(fixture("seed-list.json"))));
        wireMock.stubFor(get(urlPathEqualTo(WIDGET_PATH)).willReturn(json(fixture("seed-get.json"))));
        wireMock.stubFor(post(urlPathEqualTo(WIDGETS_PATH)).willReturn(json(fixture("seed-create.json"))));
        wireMock.stubFor(put(urlPathEqualTo(WIDGET_PATH)).willReturn(json(fixture("seed-update.json"))));
        wireMock.stubFor(delete(urlPathEqualTo(WIDGET_PATH)).willReturn(json(fixture("seed-delete.json"))));
        wireMock.stubFor(post(urlPathEqualTo(ROTATE_PATH)).willReturn(json(fixture("seed-rotate-secret.json"))));
    }

    private static WidgetSettings settings() {
        return WidgetSettings.of("login form", List.of("example.com"), WidgetMode.MANAGED);
    }

    private static CloudflareWidgetClient client() {
        return client(new Credentials.ApiToken(TOKEN));
    }

    private static CloudflareWidgetClient client(Credentials credentials) {
        CloudflareAccounts accounts = new CloudflareAccounts(URI.create(wireMock.baseUrl() + "/client/v4"),
                List.of(new CloudflareAccount(ACCOUNT, "Test account", credentials)), false);
        return new CloudflareWidgetClient(WebClient.builder(), accounts, properties());
    }

    private static CloudflareClientProperties properties() {
        return new CloudflareClientProperties(Duration.ofSeconds(2), Duration.ofSeconds(5),
                new CloudflareClientProperties.Retry(2, Duration.ofMillis(10), Duration.ofMillis(50),
                        Duration.ofSeconds(2), Duration.ofSeconds(10)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return json(200, body);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static String fixture(String name) {
        try (InputStream in = CloudflareWidgetClientTest.class.getResourceAsStream("/cloudflare/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("No fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
