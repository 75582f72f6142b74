package com.turnstileadmin.cloudflare;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.account.CloudflareAccount;
import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.account.Credentials;
import com.turnstileadmin.widget.ClearanceLevel;
import com.turnstileadmin.widget.Region;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.TurnstileWidgets;
import com.turnstileadmin.widget.WidgetFilter;
import com.turnstileadmin.widget.WidgetMode;
import com.turnstileadmin.widget.WidgetQuery;
import com.turnstileadmin.widget.WidgetSettings;
import com.turnstileadmin.widget.WidgetSort;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Holds the adapter to Cloudflare's own OpenAPI description: every request it actually
 * sends, as WireMock received it, must validate against the spec, and so must the
 * fixtures it is tested with.
 *
 * <p>
 * What this cannot catch: the spec puts {@code maxLength: 10} on
 * {@code turnstile_domains}, an array, where {@code maxItems} was meant, so JSON Schema
 * ignores it and eleven domains validate (as does {@code minLength: 1} on the failure
 * envelope's {@code errors} array). The domain limit is Cloudflare's to enforce; the
 * adapter only passes on its refusal.
 */
class AdapterRequestsMatchOpenApiTest {

    @RegisterExtension
    static final WireMockExtension wireMock = WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort())
        .build();

    private static final String BASE_PATH = "/client/v4";

    private static final AccountId ACCOUNT = new AccountId("023e105f4ecef8ad9ca31a8372d0c353");

    private static final Sitekey SITEKEY = new Sitekey("0x4AAF00AAAABn0R22HWm-YUc");

    private static final String WIDGETS_PATH = BASE_PATH + "/accounts/" + ACCOUNT.value() + "/challenges/widgets";

    private static final String WIDGET_PATH = WIDGETS_PATH + "/" + SITEKEY.value();

    private static final String ROTATE_PATH = WIDGET_PATH + "/rotate_secret";

    /**
     * Requests are held to the validator's strictest default, which treats every schema
     * as closed ({@code additionalProperties: false}): the adapter must not send a field
     * the spec does not know.
     */
    private static OpenApiInteractionValidator requestValidator;

    /**
     * Responses are checked with closed schemas turned off, and only that. Two quirks of
     * Cloudflare's document make a closed check fail on any answer, its own examples
     * included: every envelope is an {@code allOf} of partial schemas (the common
     * envelope, {@code result}, {@code result_info}), and under closed schemas each part
     * rejects the fields the others define; and its error entries carry
     * {@code documentation_url} and {@code source}, which {@code turnstile_messages} does
     * not list. The document never closes a schema itself, and the API notes tell us to
     * expect unknown fields, so an open check is the faithful one. Required fields,
     * types, enums and formats are still checked.
     */
    private static OpenApiInteractionValidator responseValidator;

    @BeforeAll
    static void loadSpec() {
        String spec = resource("/cloudflare/turnstile-openapi.json").toString();
        requestValidator = OpenApiInteractionValidator.createForSpecificationUrl(spec)
            .withBasePathOverride(BASE_PATH)
            .build();
        // This key is the switch the validator reads before closing schemas; the
        // per-location keys
        // (validation.response.body.schema.additionalProperties) do not stop it from
        // closing them.
        responseValidator = OpenApiInteractionValidator.createForSpecificationUrl(spec)
            .withBasePathOverride(BASE_PATH)
            .withLevelResolver(LevelResolver.create()
                .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                .build())
            .build();
    }

    @BeforeEach
    void serveFixtures() {
        wireMock.stubFor(get(urlPathEqualTo(WIDGETS_PATH)).willReturn(json(fixture("seed-list.json"))));
        wireMock.stubFor(post(urlPathEqualTo(WIDGETS_PATH)).willReturn(json(fixture("seed-create.json"))));
        wireMock.stubFor(get(urlPathEqualTo(WIDGET_PATH)).willReturn(json(fixture("seed-get.json"))));
        wireMock.stubFor(put(urlPathEqualTo(WIDGET_PATH)).willReturn(json(fixture("seed-update.json"))));
        wireMock.stubFor(delete(urlPathEqualTo(WIDGET_PATH)).willReturn(json(fixture("seed-delete.json"))));
        wireMock.stubFor(post(urlPathEqualTo(ROTATE_PATH)).willReturn(json(fixture("seed-rotate-secret.json"))));
    }

    static Stream<Arguments> credentials() {
        return Stream.of(
                Arguments.of("API token", new Credentials.ApiToken("Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQqnFTOFYY")),
                Arguments.of("global API key",
                        new Credentials.GlobalApiKey("ops@example.com", "144c9defac04969c7bfad8efaa8ea194")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("credentials")
    void everyRequestTheAdapterSendsMatchesTheSpec(String scheme, Credentials credentials) {
        TurnstileWidgets client = client(credentials);
        WidgetSettings everything = new WidgetSettings("blog.cloudflare.com login form",
                List.of("203.0.113.1", "cloudflare.com", "blog.example.com"), WidgetMode.INVISIBLE,
                ClearanceLevel.INTERACTIVE, Region.CHINA, true, true, true);

        client.list(ACCOUNT, WidgetQuery.firstPage());
        client.list(ACCOUNT, new WidgetQuery(2, 1000, WidgetSort.descending(WidgetSort.Field.MODIFIED_ON),
                WidgetFilter.nameContains("Shop & Co + Söhne")));
        client.list(ACCOUNT,
                new WidgetQuery(1, 5, WidgetSort.ascending(WidgetSort.Field.ID), WidgetFilter.sitekeyContains("")));
        client.get(ACCOUNT, SITEKEY);
        client.create(ACCOUNT, everything);
        client.create(ACCOUNT, WidgetSettings.of("minimal", List.of("example.com"), WidgetMode.MANAGED));
        client.update(ACCOUNT, SITEKEY,
                everything.withMode(WidgetMode.NON_INTERACTIVE).withClearanceLevel(ClearanceLevel.NO_CLEARANCE));
        client.delete(ACCOUNT, SITEKEY);
        client.rotateSecret(ACCOUNT, SITEKEY, true);
        client.rotateSecret(ACCOUNT, SITEKEY, false);

        List<ServeEvent> served = wireMock.getAllServeEvents();
        assertThat(served).hasSize(10);
        assertThat(served).extracting(e -> e.getRequest().getMethod().getName())
            .containsOnly("GET", "POST", "PUT", "DELETE");
        for (ServeEvent event : served) {
            Request request = asValidatorRequest(event.getRequest());
            assertValid(requestValidator.validateRequest(request),
                    event.getRequest().getMethod() + " " + event.getRequest().getUrl());
        }
    }

    @ParameterizedTest(name = "{0} {1} answered with {2}")
    @MethodSource("fixtureResponses")
    void everyFixtureMatchesItsOperationsResponseSchema(Request.Method method, String path, String fixture) {
        SimpleResponse response = SimpleResponse.Builder.status(200)
            .withContentType("application/json")
            .withBody(fixture(fixture))
            .build();

        assertValid(responseValidator.validateResponse(path, method, response), fixture);
    }

    static Stream<Arguments> fixtureResponses() {
        return Stream.of(Arguments.of(Request.Method.GET, WIDGETS_PATH, "seed-list.json"),
                Arguments.of(Request.Method.POST, WIDGETS_PATH, "seed-create.json"),
                Arguments.of(Request.Method.GET, WIDGET_PATH, "seed-get.json"),
                Arguments.of(Request.Method.PUT, WIDGET_PATH, "seed-update.json"),
                Arguments.of(Request.Method.DELETE, WIDGET_PATH, "seed-delete.json"),
                Arguments.of(Request.Method.POST, ROTATE_PATH, "seed-rotate-secret.json"));
    }

    // ---- the validator is live
    // ----------------------------------------------------------------

    @Test
    void bodyWithoutNameIsRejected() {
        ValidationReport report = requestValidator.validateRequest(SimpleRequest.Builder.post(WIDGETS_PATH)
            .withAuthorization("Bearer token")
            .withContentType("application/json")
            .withBody("{\"domains\": [\"example.com\"], \"mode\": \"managed\"}")
            .build());

        assertThat(report.hasErrors()).isTrue();
        assertThat(keys(report)).contains("validation.request.body.schema.required");
    }

    @Test
    void bodyWithAFieldTheSpecDoesNotKnowIsRejected() {
        ValidationReport report = requestValidator.validateRequest(SimpleRequest.Builder.post(WIDGETS_PATH)
            .withAuthorization("Bearer token")
            .withContentType("application/json")
            .withBody("{\"name\": \"n\", \"domains\": [], \"mode\": \"managed\", \"secret\": \"x\"}")
            .build());

        assertThat(keys(report)).contains("validation.request.body.schema.additionalProperties");
    }

    @Test
    void unknownModeIsRejected() {
        ValidationReport report = requestValidator.validateRequest(SimpleRequest.Builder.put(WIDGET_PATH)
            .withAuthorization("Bearer token")
            .withContentType("application/json")
            .withBody("{\"name\": \"n\", \"domains\": [], \"mode\": \"adaptive\"}")
            .build());

        assertThat(keys(report)).contains("validation.request.body.schema.enum");
    }

    @Test
    void requestWithoutCredentialsIsRejected() {
        ValidationReport report = requestValidator.validateRequest(SimpleRequest.Builder.get(WIDGET_PATH).build());

        assertThat(keys(report)).contains("validation.request.security.missing");
    }

    @Test
    void perPageOutsideCloudflaresLimitsIsRejected() {
        ValidationReport report = requestValidator.validateRequest(SimpleRequest.Builder.get(WIDGETS_PATH)
            .withAuthorization("Bearer token")
            .withQueryParam("per_page", "2000")
            .build());

        assertThat(keys(report)).contains("validation.request.parameter.schema.maximum");
    }

    @Test
    void widgetWithoutSecretIsRejectedAsAGetResponse() {
        String listedWidgetOnly = fixture("seed-get.json")
            .replace("\"secret\": \"0x4AAF00AAAABn0R22HWm098HVBjhdsYUc\",", "");
        SimpleResponse response = SimpleResponse.Builder.status(200)
            .withContentType("application/json")
            .withBody(listedWidgetOnly)
            .build();

        ValidationReport report = responseValidator.validateResponse(WIDGET_PATH, Request.Method.GET, response);

        assertThat(keys(report)).contains("validation.response.body.schema.allOf");
    }

    // ---- helpers
    // -------------------------------------------------------------------------------

    private static Request asValidatorRequest(LoggedRequest logged) {
        URI uri = URI.create(logged.getAbsoluteUrl());
        SimpleRequest.Builder builder = new SimpleRequest.Builder(logged.getMethod().getName(), uri.getRawPath());
        for (Map.Entry<String, QueryParameter> parameter : logged.getQueryParams().entrySet()) {
            builder.withQueryParam(parameter.getKey(), parameter.getValue().values());
        }
        for (HttpHeader header : logged.getHeaders().all()) {
            builder.withHeader(header.key(), header.values());
        }
        if (logged.getBody() != null && logged.getBody().length > 0) {
            builder.withBody(logged.getBodyAsString());
        }
        return builder.build();
    }

    private static void assertValid(ValidationReport report, String what) {
        assertThat(report.hasErrors()).withFailMessage(() -> what + " does not match the spec:\n" + describe(report))
            .isFalse();
    }

    private static String describe(ValidationReport report) {
        StringBuilder text = new StringBuilder();
        report.getMessages().forEach(m -> describe(m, "  ", text));
        return text.toString();
    }

    // allOf failures hide their reasons in nested messages.
    private static void describe(ValidationReport.Message message, String indent, StringBuilder text) {
        text.append(indent)
            .append('[')
            .append(message.getLevel())
            .append("] ")
            .append(message.getKey())
            .append(": ")
            .append(message.getMessage())
            .append('\n');
        message.getNestedMessages().forEach(nested -> describe(nested, indent + "  ", text));
    }

    private static List<String> keys(ValidationReport report) {
        return report.getMessages()
            .stream()
            .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
            .map(ValidationReport.Message::getKey)
            .toList();
    }

    private static TurnstileWidgets client(Credentials credentials) {
        CloudflareAccounts accounts = new CloudflareAccounts(URI.create(wireMock.baseUrl() + BASE_PATH),
                List.of(new CloudflareAccount(ACCOUNT, "Test account", credentials)), false);
        CloudflareClientProperties properties = new CloudflareClientProperties(Duration.ofSeconds(2),
                Duration.ofSeconds(5), new CloudflareClientProperties.Retry(0, Duration.ofMillis(10),
                        Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(10)));
        return new CloudflareWidgetClient(WebClient.builder(), accounts, properties);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static java.net.URL resource(String name) {
        java.net.URL url = AdapterRequestsMatchOpenApiTest.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("No resource " + name);
        }
        return url;
    }

    private static String fixture(String name) {
        try (InputStream in = resource("/cloudflare/fixtures/" + name).openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
