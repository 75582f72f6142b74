package com.turnstileadmin.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolverFactory;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.turnstileadmin.account.Credentials;
import com.turnstileadmin.widget.ClearanceLevel;
import com.turnstileadmin.widget.CloudflareApiException;
import com.turnstileadmin.widget.Region;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.TurnstileWidgets;
import com.turnstileadmin.widget.WidgetMode;
import com.turnstileadmin.widget.WidgetQuery;
import com.turnstileadmin.widget.WidgetSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The adapter and the sandbox checked together against Cloudflare's OpenAPI document: the
 * journey runs through a recording proxy, and every request the adapter sent and every
 * answer the sandbox gave must match the contract, so the two cannot drift from
 * Cloudflare's API together.
 */
class SandboxMatchesOpenApiTest {

    static final OpenApiInteractionValidator CONTRACT = OpenApiInteractionValidator
        .createForSpecificationUrl(
                SandboxMatchesOpenApiTest.class.getResource("/cloudflare/turnstile-openapi.json").toString())
        // The document's server is https://api.cloudflare.com/client/v4; ours has the
        // same path.
        .withBasePathOverride(SandboxServer.BASE_PATH)
        // The validator treats every schema as closed (additionalProperties: false)
        // unless told
        // otherwise. Cloudflare's document does not close them, its allOf envelopes
        // cannot pass a
        // closed check, and its own examples carry error fields (source,
        // documentation_url) the
        // schema does not list. Required fields, types and enums are still checked.
        .withLevelResolver(LevelResolverFactory.withAdditionalPropertiesIgnored())
        .build();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));

    private final SandboxServer sandbox = SandboxServer.start(
            new SandboxProperties(12, 6, 0, SandboxProperties.Faults.NONE, true),
            new SandboxFaults(SandboxProperties.Faults.NONE), clock);

    private final WireMockServer proxy = new WireMockServer(wireMockConfig().dynamicPort());

    @BeforeEach
    void startProxy() {
        proxy.start();
        URI sandboxUrl = sandbox.apiBaseUrl();
        proxy.stubFor(any(anyUrl())
            .willReturn(aResponse().proxiedFrom("http://" + sandboxUrl.getHost() + ":" + sandboxUrl.getPort())));
    }

    @AfterEach
    void stop() {
        proxy.stop();
        sandbox.close();
    }

    @Test
    void everyJourneyExchangeMatchesCloudflaresContract() {
        TurnstileWidgets api = SandboxJourneyTest.client(sandbox, proxiedBaseUrl(), sandbox.apiToken());

        SandboxJourneyTest.Journey.run(api, sandbox.accountId(), clock);

        List<ServeEvent> exchanges = proxy.getAllServeEvents();
        assertThat(exchanges).hasSizeGreaterThanOrEqualTo(11);
        assertThat(exchanges).extracting(e -> e.getResponse().getStatus()).contains(200, 400, 404);
        assertAllMatchContract(exchanges);
    }

    @Test
    void refusalsMatchCloudflaresErrorContract() {
        TurnstileWidgets api = SandboxJourneyTest.client(sandbox, proxiedBaseUrl(), sandbox.apiToken());
        TurnstileWidgets stranger = SandboxJourneyTest.client(sandbox, proxiedBaseUrl(),
                new Credentials.ApiToken("wrong-token"));

        assertThatThrownBy(() -> api.create(sandbox.accountId(),
                WidgetSettings.of("Bad", List.of("https://example.com/login"), WidgetMode.MANAGED)))
            .isInstanceOf(CloudflareApiException.class);
        assertThatThrownBy(() -> api.delete(sandbox.accountId(), new Sitekey("0x4AAAAAAAmissing")))
            .isInstanceOf(CloudflareApiException.class);
        assertThatThrownBy(() -> stranger.get(sandbox.accountId(), new Sitekey("0x4AAAAAAAmissing")))
            .isInstanceOf(CloudflareApiException.class);

        assertThat(proxy.getAllServeEvents()).extracting(e -> e.getResponse().getStatus())
            .containsExactlyInAnyOrder(400, 404, 403);
        assertAllMatchContract(proxy.getAllServeEvents());
    }

    @Test
    void bothAccountsListingsAndTheFreeOnesPlanRefusalsMatchCloudflaresContract() {
        TurnstileWidgets api = SandboxJourneyTest.client(sandbox, proxiedBaseUrl(), sandbox.apiToken());
        WidgetSettings enterpriseOnly = new WidgetSettings("Bot fight", List.of("example.com"), WidgetMode.MANAGED,
                ClearanceLevel.NO_CLEARANCE, Region.WORLD, true, false, false);
        List<String> elevenHostnames = IntStream.rangeClosed(1, 11).mapToObj(i -> "host" + i + ".example.com").toList();

        // The Enterprise account's demo widgets have its features on, and some work on
        // any hostname.
        assertThat(api.list(sandbox.enterpriseAccountId(), WidgetQuery.firstPage()).totalCount()).isEqualTo(6);
        api.create(sandbox.enterpriseAccountId(), enterpriseOnly);
        assertThatThrownBy(() -> api.create(sandbox.accountId(), enterpriseOnly))
            .isInstanceOf(CloudflareApiException.class);
        assertThatThrownBy(() -> api.create(sandbox.accountId(),
                WidgetSettings.of("Too many", elevenHostnames, WidgetMode.MANAGED)))
            .isInstanceOf(CloudflareApiException.class);

        assertThat(proxy.getAllServeEvents()).extracting(e -> e.getResponse().getStatus())
            .containsExactlyInAnyOrder(200, 200, 400, 400);
        assertAllMatchContract(proxy.getAllServeEvents());
    }

    @Test
    void theContractCheckIsLive() {
        // A request that breaks the contract must be caught, or the tests above prove
        // nothing.
        Request noName = SimpleRequest.Builder
            .post(SandboxServer.BASE_PATH + "/accounts/" + sandbox.accountId() + "/challenges/widgets")
            .withHeader("Authorization", "Bearer token")
            .withContentType("application/json")
            .withBody("{\"mode\":\"managed\",\"domains\":[\"example.com\"]}")
            .build();

        assertThat(CONTRACT.validateRequest(noName).hasErrors()).isTrue();
    }

    static void assertAllMatchContract(List<ServeEvent> exchanges) {
        for (ServeEvent exchange : exchanges) {
            ValidationReport report = CONTRACT.validate(request(exchange), response(exchange));
            assertThat(report.hasErrors())
                .as("%s %s -> %d breaks the contract:%n%s", exchange.getRequest().getMethod(),
                        exchange.getRequest().getUrl(), exchange.getResponse().getStatus(),
                        report.getMessages().stream().map(Object::toString).collect(Collectors.joining("\n")))
                .isFalse();
        }
    }

    private URI proxiedBaseUrl() {
        return URI.create(proxy.baseUrl() + SandboxServer.BASE_PATH);
    }

    private static Request request(ServeEvent exchange) {
        var logged = exchange.getRequest();
        var uri = UriComponentsBuilder.fromUriString(logged.getUrl()).build();
        SimpleRequest.Builder request = new SimpleRequest.Builder(logged.getMethod().getName(), uri.getPath());
        MultiValueMap<String, String> query = uri.getQueryParams();
        query.forEach((name, values) -> request.withQueryParam(UriUtils.decode(name, StandardCharsets.UTF_8),
                values.stream().map(v -> UriUtils.decode(v, StandardCharsets.UTF_8)).toList()));
        for (HttpHeader header : logged.getHeaders().all()) {
            request.withHeader(header.key(), header.values());
        }
        if (!logged.getBodyAsString().isEmpty()) {
            request.withBody(logged.getBodyAsString());
        }
        return request.build();
    }

    private static SimpleResponse response(ServeEvent exchange) {
        var logged = exchange.getResponse();
        SimpleResponse.Builder response = new SimpleResponse.Builder(logged.getStatus());
        for (HttpHeader header : logged.getHeaders().all()) {
            response.withHeader(header.key(), header.values());
        }
        return response.withBody(logged.getBodyAsString()).build();
    }

}
