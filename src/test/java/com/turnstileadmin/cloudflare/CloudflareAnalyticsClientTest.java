package com.turnstileadmin.cloudflare;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.turnstileadmin.cloudflare.Fixtures.fixture;
import static com.turnstileadmin.cloudflare.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.account.CloudflareAccount;
import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.account.Credentials;
import com.turnstileadmin.analytics.AnalyticsRefusedException;
import com.turnstileadmin.analytics.AnalyticsSettings;
import com.turnstileadmin.analytics.Breakdown;
import com.turnstileadmin.analytics.EventType;
import com.turnstileadmin.analytics.TimeBucket;
import com.turnstileadmin.analytics.TrafficQuery;
import com.turnstileadmin.analytics.TrafficReport;
import com.turnstileadmin.analytics.TrafficReport.BreakdownGroup;
import com.turnstileadmin.analytics.TrafficReport.SeriesGroup;
import com.turnstileadmin.widget.CloudflareApiException;
import com.turnstileadmin.widget.CloudflareUnavailableException;
import com.turnstileadmin.widget.CloudflareUnavailableException.Reason;
import com.turnstileadmin.widget.Sitekey;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The analytics adapter against WireMock answering as Cloudflare's GraphQL endpoint does:
 * what it sends (documents, variables, auth), how it maps the answers, and how it types a
 * refusal, which always comes as HTTP 200 with {@code errors}.
 */
class CloudflareAnalyticsClientTest {

    @RegisterExtension
    static final WireMockExtension wireMock = WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort())
        .build();

    private static final AccountId ACCOUNT = new AccountId("023e105f4ecef8ad9ca31a8372d0c353");

    private static final Sitekey SITEKEY = new Sitekey("0x4AAF00AAAABn0R22HWm-YUc");

    private static final String TOKEN = "Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQqnFTOFYY";

    private static final String GRAPHQL = "/client/v4/graphql";

    private static final Instant START = Instant.parse("2026-12-06T10:00:00Z");

    private static final Instant END = Instant.parse("2026-12-06T12:00:00Z");

    private final MeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void settingsAsksTheSettingsNodeOfTheAccountWithTheToken() {
        wireMock.stubFor(post(urlPathEqualTo(GRAPHQL)).willReturn(json(200, fixture("analytics-settings.json"))));

        AnalyticsSettings settings = client().settings(ACCOUNT);

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.maxDuration()).isEqualTo(Duration.ofSeconds(608_400));
        assertThat(settings.notOlderThan()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.maxPageSize()).isEqualTo(10_000);
        assertThat(settings.offers(Breakdown.ASN)).isTrue();
        assertThat(settings.offers(TimeBucket.HOUR)).isTrue();
        assertThat(settings.dimensions()).doesNotContain("count", "sampleInterval");
        wireMock.verify(1,
                postRequestedFor(urlPathEqualTo(GRAPHQL)).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                    .withHeader("Content-Type", equalTo("application/json"))
                    .withRequestBody(matchingJsonPath("$.query",
                            com.github.tomakehurst.wiremock.client.WireMock
                                .containing("query turnstileSettings($accountTag: string!)")))
                    .withRequestBody(matchingJsonPath("$.variables.accountTag", equalTo(ACCOUNT.value()))));
    }

    @Test
    void aDimensionTheSettingsLeaveOutIsNotOffered() {
        wireMock.stubFor(
                post(urlPathEqualTo(GRAPHQL)).willReturn(json(200, fixture("analytics-settings-without-asn.json"))));

        AnalyticsSettings settings = client().settings(ACCOUNT);

        assertThat(settings.offers(Breakdown.ASN)).isFalse();
        assertThat(settings.offers(TimeBucket.HOUR)).isFalse();
        assertThat(settings.offers(Breakdown.HOSTNAME)).isTrue();
        assertThat(settings.notOlderThan()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void trafficSendsTheQueryAsVariablesAndTheChosenPartsAsFlags() {
        wireMock.stubFor(post(urlPathEqualTo(GRAPHQL)).willReturn(json(200, fixture("analytics-traffic.json"))));

        client().traffic(ACCOUNT, query(EnumSet.of(Breakdown.HOSTNAME, Breakdown.COUNTRY, Breakdown.ASN)));

        wireMock.verify(1, postRequestedFor(urlPathEqualTo(GRAPHQL)).withRequestBody(equalToJson("""
                {"variables": {"accountTag": "%s", "start": "2026-12-06T10:00:00Z", "end": "2026-12-06T12:00:00Z",
                  "siteKeys": ["%s"],
                  "eventTypes": ["challenge_issued", "challenge_siteverify_failed_invalid_token"],
                  "limit": 10000, "topLimit": 200,
                  "byFifteenMinutes": false, "byHour": true, "byDay": false,
                  "topHostnames": true, "topActions": false, "topCountries": true, "topBrowsers": false,
                  "topAsns": true}}
                """.formatted(ACCOUNT.value(), SITEKEY.value()), false, true)));
    }

    @Test
    void anEmptySitekeyOrEventTypeListIsLeftOutSoThatItMeansAll() {
        wireMock.stubFor(post(urlPathEqualTo(GRAPHQL)).willReturn(json(200, fixture("analytics-traffic.json"))));

        client().traffic(ACCOUNT, new TrafficQuery(START, END, List.of(), Set.of(), null, Set.of(), 10_000, 1));

        wireMock.verify(postRequestedFor(urlPathEqualTo(GRAPHQL))
            .withRequestBody(matchingJsonPath("$.variables.limit", equalTo("10000")))
            .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.notContaining("\"siteKeys\":"))
            .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.notContaining("\"eventTypes\":")));
    }

    @Test
    void trafficMapsTheSeriesAndTheBreakdownsItAskedFor() {
        wireMock.stubFor(post(urlPathEqualTo(GRAPHQL)).willReturn(json(200, fixture("analytics-traffic.json"))));

        TrafficReport report = client().traffic(ACCOUNT,
                query(EnumSet.of(Breakdown.HOSTNAME, Breakdown.COUNTRY, Breakdown.ASN, Breakdown.ACTION)));

        assertThat(report.series()).hasSize(6);
        assertThat(report.series().get(0))
            .isEqualTo(new SeriesGroup(SITEKEY, EventType.CHALLENGE_ISSUED, START, 120, 1));
        assertThat(report.series().get(3)).isEqualTo(
                new SeriesGroup(SITEKEY, EventType.CHALLENGE_ISSUED, Instant.parse("2026-12-06T11:00:00Z"), 3000, 10));
        // An event type this release does not know is kept, as OTHER, not dropped.
        assertThat(report.series().get(5).type()).isEqualTo(EventType.OTHER);
        assertThat(report.breakdowns().get(Breakdown.HOSTNAME)).containsExactly(
                new BreakdownGroup("shop.example.com", EventType.CHALLENGE_ISSUED, 2900, 10),
                new BreakdownGroup("copy-of-shop.example.net", EventType.CHALLENGE_ISSUED, 220, 1));
        // An ASN is a number on the wire; a group without avg was not sampled.
        assertThat(report.breakdowns().get(Breakdown.ASN))
            .containsExactly(new BreakdownGroup("3320", EventType.CHALLENGE_ISSUED, 3100, 1));
        // Asked for, absent from the answer: no groups rather than a failure.
        assertThat(report.breakdowns().get(Breakdown.ACTION)).isEmpty();
        assertThat(report.breakdowns()).doesNotContainKey(Breakdown.BROWSER);
    }

    @Test
    void aTokenWithoutAnalyticsReadIsTypedAsThePermissionMissingAndNotRetried() {
        wireMock
            .stubFor(post(urlPathEqualTo(GRAPHQL)).willReturn(json(200, fixture("analytics-permission-error.json"))));

        AnalyticsRefusedException refused = catchThrowableOfType(AnalyticsRefusedException.class,
                () -> client().settings(ACCOUNT));

        assertThat(refused.kind()).isEqualTo(AnalyticsRefusedException.Kind.PERMISSION_MISSING);
        assertThat(refused.getMessage()).contains("Account Analytics Read");
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(GRAPHQL)));
        assertThat(calls("analytics_settings", "client_error")).isEqualTo(1);
    }

    @Test
    void aRefusedQuerySaysCloudflaresReason() {
        wireMock.stubFor(post(urlPathEqualTo(GRAPHQL)).willReturn(json(200, fixture("analytics-range-error.json"))));

        AnalyticsRefusedException refused = catchThrowableOfType(AnalyticsRefusedException.class,
                () -> client().traffic(ACCOUNT, query(Set.of())));

        assertThat(refused.kind()).isEqualTo(AnalyticsRefusedException.Kind.QUERY_REJECTED);
        assertThat(refused.getMessage()).endsWith("the query time range is too large");
    }

    @Test
    void aRefusedTokenIsThePermissionMissingToo() {
        wireMock.stubFor(post(urlPathEqualTo(GRAPHQL)).willReturn(json(403, """
                {"success": false, "errors": [{"code": 10000, "message": "Authentication error"}],
                 "messages": [], "result": null}""")));

        AnalyticsRefusedException refused = catchThrowableOfType(AnalyticsRefusedException.class,
                () -> client().settings(ACCOUNT));

        assertThat(refused.kind()).isEqualTo(AnalyticsRefusedException.Kind.PERMISSION_MISSING);
    }

    @Test
    void aRefusedTokenIsTheWidgetApisRefusalNotAMissingPermission() {
        wireMock.stubFor(post(urlPathEqualTo(GRAPHQL)).willReturn(json(401, """
                {"success": false, "errors": [{"code": 10000, "message": "Authentication error"}]}""")));

        CloudflareApiException refused = catchThrowableOfType(CloudflareApiException.class,
                () -> client().settings(ACCOUNT));

        assertThat(refused.status()).isEqualTo(401);
    }

    @Test
    void settingsThatCouldNotCutAWindowAreAnInvalidResponse() {
        wireMock.stubFor(post(urlPathEqualTo(GRAPHQL)).willReturn(json(200,
                fixture("analytics-settings.json").replace("\"maxDuration\": 608400", "\"maxDuration\": 0"))));

        CloudflareUnavailableException failure = catchThrowableOfType(CloudflareUnavailableException.class,
                () -> client().settings(ACCOUNT));

        assertThat(failure.reason()).isEqualTo(Reason.INVALID_RESPONSE);
    }

    @Test
    void aServerErrorIsRetriedAsAnyRead() {
        wireMock.stubFor(post(urlPathEqualTo(GRAPHQL)).inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(502).withBody("<html>Bad gateway</html>"))
            .willSetStateTo("recovered"));
        wireMock.stubFor(post(urlPathEqualTo(GRAPHQL)).inScenario("flaky")
            .whenScenarioStateIs("recovered")
            .willReturn(json(200, fixture("analytics-settings.json"))));

        assertThat(client().settings(ACCOUNT).enabled()).isTrue();

        wireMock.verify(2, postRequestedFor(urlPathEqualTo(GRAPHQL)));
        assertThat(calls("analytics_settings", "server_error")).isEqualTo(1);
        assertThat(calls("analytics_settings", "success")).isEqualTo(1);
    }

    @Test
    void aLongRateLimitBlocksTheAccountsAnalyticsWithoutFurtherCalls() {
        wireMock.stubFor(post(urlPathEqualTo(GRAPHQL))
            .willReturn(json(429, "{\"errors\":[{\"message\":\"rate limited\"}]}").withHeader("Retry-After", "300")));
        CloudflareAnalyticsClient client = client();

        CloudflareUnavailableException first = catchThrowableOfType(CloudflareUnavailableException.class,
                () -> client.settings(ACCOUNT));
        CloudflareUnavailableException second = catchThrowableOfType(CloudflareUnavailableException.class,
                () -> client.settings(ACCOUNT));

        assertThat(first.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(second.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(second.retryAfter()).isPositive();
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(GRAPHQL)));
    }

    @Test
    void anAnswerWithoutTheAccountIsAnInvalidResponse() {
        wireMock.stubFor(
                post(urlPathEqualTo(GRAPHQL)).willReturn(json(200, "{\"data\": {\"viewer\": {\"accounts\": []}}}")));

        CloudflareUnavailableException failure = catchThrowableOfType(CloudflareUnavailableException.class,
                () -> client().settings(ACCOUNT));

        assertThat(failure.reason()).isEqualTo(Reason.INVALID_RESPONSE);
    }

    @Test
    void aGroupOutOfShapeIsAnInvalidResponse() {
        wireMock.stubFor(post(urlPathEqualTo(GRAPHQL)).willReturn(json(200, """
                {"data": {"viewer": {"accounts": [{"series": [
                  {"count": 3, "dimensions": {"siteKey": "not a sitekey!", "eventType": "challenge_issued"}}
                ]}]}}}""")));

        CloudflareUnavailableException failure = catchThrowableOfType(CloudflareUnavailableException.class,
                () -> client().traffic(ACCOUNT, query(Set.of())));

        assertThat(failure.reason()).isEqualTo(Reason.INVALID_RESPONSE);
    }

    private static TrafficQuery query(Set<Breakdown> breakdowns) {
        return new TrafficQuery(START, END, List.of(SITEKEY),
                EnumSet.of(EventType.SITEVERIFY_FAILED_INVALID_TOKEN, EventType.CHALLENGE_ISSUED), TimeBucket.HOUR,
                breakdowns, 10_000, 200);
    }

    private double calls(String operation, String outcome) {
        var timer = registry.find("turnstile.cloudflare.calls")
            .tags("operation", operation, "outcome", outcome)
            .timer();
        return timer == null ? 0 : timer.count();
    }

    private CloudflareAnalyticsClient client() {
        CloudflareAccounts accounts = new CloudflareAccounts(URI.create(wireMock.baseUrl() + "/client/v4"),
                List.of(new CloudflareAccount(ACCOUNT, "Test account", new Credentials.ApiToken(TOKEN))), false);
        return new CloudflareAnalyticsClient(WebClient.builder(), accounts,
                new CloudflareClientProperties(Duration.ofSeconds(2), Duration.ofSeconds(5),
                        new CloudflareClientProperties.Retry(2, Duration.ofMillis(10), Duration.ofMillis(50),
                                Duration.ofSeconds(2), Duration.ofSeconds(10))),
                HttpClientSettings.defaults(), registry);
    }

}
