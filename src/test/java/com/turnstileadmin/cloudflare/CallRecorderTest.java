package com.turnstileadmin.cloudflare;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static com.turnstileadmin.cloudflare.Fixtures.fixture;
import static com.turnstileadmin.cloudflare.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.turnstileadmin.LogCapture;
import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.account.CloudflareAccount;
import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.account.Credentials;
import com.turnstileadmin.widget.CloudflareApiException;
import com.turnstileadmin.widget.CloudflareUnavailableException;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.TurnstileWidgets;
import com.turnstileadmin.widget.WidgetFilter;
import com.turnstileadmin.widget.WidgetMode;
import com.turnstileadmin.widget.WidgetQuery;
import com.turnstileadmin.widget.WidgetSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What each HTTP request to Cloudflare leaves behind, over real HTTP against WireMock:
 * one observation of {@code turnstile.cloudflare.calls} with its operation, outcome and
 * account, and one INFO line, however the request ends (an answer, a retried failure, a
 * timeout, a caller that gives up), and each account's widget count from its last
 * unfiltered list.
 */
class CallRecorderTest {

    @RegisterExtension
    static final WireMockExtension wireMock = WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort())
        .build();

    private static final AccountId ACCOUNT = new AccountId("023e105f4ecef8ad9ca31a8372d0c353");

    private static final Sitekey SITEKEY = new Sitekey("0x4AAF00AAAABn0R22HWm-YUc");

    private static final String TOKEN = "Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQqnFTOFYY";

    private static final String WIDGETS = "/client/v4/accounts/" + ACCOUNT.value() + "/challenges/widgets";

    private static final String WIDGET = WIDGETS + "/" + SITEKEY.value();

    private static final String CALL_LINE = "com.turnstileadmin.cloudflare.CallRecorder Cloudflare call ";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private LogCapture log;

    @BeforeEach
    void captureTheLog() {
        log = LogCapture.atDebug();
    }

    @AfterEach
    void noLineHoldsTheToken() {
        log.assertNoLineContainsAnyPartOf(List.of(TOKEN));
        log.close();
    }

    @Test
    void aRetriedReadRecordsEachAttemptWithItsOutcomeAndOneLineEach() {
        wireMock.stubFor(get(urlPathEqualTo(WIDGET)).inScenario("outage")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(502).withBody("<html>bad gateway</html>"))
            .willSetStateTo("once"));
        wireMock.stubFor(get(urlPathEqualTo(WIDGET)).inScenario("outage")
            .whenScenarioStateIs("once")
            .willReturn(aResponse().withStatus(503).withBody("<html>unavailable</html>"))
            .willSetStateTo("up"));
        wireMock.stubFor(get(urlPathEqualTo(WIDGET)).inScenario("outage")
            .whenScenarioStateIs("up")
            .willReturn(json(200, fixture("seed-get.json"))));

        client(2).get(ACCOUNT, SITEKEY);

        wireMock.verify(3, anyRequestedFor(anyUrl()));
        assertThat(count("get", "server_error")).isEqualTo(2);
        assertThat(count("get", "success")).isEqualTo(1);
        assertThat(callLines()).containsExactly(line("get", SITEKEY.value(), "status=502", "server_error"),
                line("get", SITEKEY.value(), "status=503", "server_error"),
                line("get", SITEKEY.value(), "status=200", "success"));
    }

    @Test
    void refusalsAndRateLimitsAreRecordedAsSuch() {
        wireMock.stubFor(post(urlPathEqualTo(WIDGETS)).willReturn(json(403,
                "{\"success\":false,\"errors\":[{\"code\":10000,\"message\":\"Authentication error\"}],\"result\":null}")));
        wireMock.stubFor(get(urlPathEqualTo(WIDGET)).willReturn(
                json(429, "{\"success\":false,\"errors\":[{\"code\":971,\"message\":\"Please wait\"}],\"result\":null}")
                    .withHeader("Retry-After", "1")));
        TurnstileWidgets client = client(0);

        assertThatThrownBy(
                () -> client.create(ACCOUNT, WidgetSettings.of("a", List.of("a.example"), WidgetMode.MANAGED)))
            .isInstanceOf(CloudflareApiException.class);
        assertThatThrownBy(() -> client.get(ACCOUNT, SITEKEY)).isInstanceOf(CloudflareUnavailableException.class);

        assertThat(count("create", "client_error")).isEqualTo(1);
        assertThat(count("get", "rate_limited")).isEqualTo(1);
        assertThat(callLines()).containsExactly(line("create", "-", "status=403", "client_error"),
                line("get", SITEKEY.value(), "status=429", "rate_limited"));
    }

    @Test
    void aTimeoutIsRecordedOnceAsUnavailable() {
        wireMock
            .stubFor(get(urlPathEqualTo(WIDGET)).willReturn(json(200, fixture("seed-get.json")).withFixedDelay(1500)));

        assertThatThrownBy(() -> client(2, Duration.ofMillis(300)).get(ACCOUNT, SITEKEY))
            .isInstanceOf(CloudflareUnavailableException.class);

        assertThat(count("get", "unavailable")).isEqualTo(1);
        assertThat(registry.get("turnstile.cloudflare.calls").timers()).hasSize(1);
        assertThat(callLines()).containsExactly(line("get", SITEKEY.value(), "failure=timeout", "unavailable"));
    }

    @Test
    void aCallerThatStopsWaitingLeavesOneObservationOfAnUnavailableCall() throws InterruptedException {
        wireMock
            .stubFor(get(urlPathEqualTo(WIDGET)).willReturn(json(200, fixture("seed-get.json")).withFixedDelay(3000)));
        TurnstileWidgets client = client(0, Duration.ofSeconds(10));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                client.get(ACCOUNT, SITEKEY);
            }
            catch (RuntimeException e) {
                thrown.set(e);
            }
        });

        caller.start();
        while (wireMock.getAllServeEvents().isEmpty()) {
            Thread.sleep(10);
        }
        caller.interrupt();
        caller.join(5000);

        assertThat(thrown.get()).isNotNull();
        assertThat(count("get", "unavailable")).isEqualTo(1);
        assertThat(callLines()).containsExactly(line("get", SITEKEY.value(), "failure=cancelled", "unavailable"));
    }

    @Test
    void theWidgetGaugeFollowsTheLastUnfilteredListNeverAFilteredOne() {
        // The fixture's result_info says total_count 2000.
        wireMock.stubFor(get(urlPathEqualTo(WIDGETS)).willReturn(json(200, fixture("seed-list.json"))));
        TurnstileWidgets client = client(0);

        client.list(ACCOUNT, WidgetQuery.firstPage().filteredBy(WidgetFilter.nameContains("shop")));
        assertThat(registry.find("turnstile.widgets").gauge()).as("no gauge before an unfiltered list").isNull();

        client.list(ACCOUNT, WidgetQuery.firstPage().withPage(3));
        Gauge widgets = registry.get("turnstile.widgets").tag("account", ACCOUNT.value()).gauge();
        assertThat(widgets.value()).isEqualTo(2000);
    }

    @Test
    void aProbeIsOneRequestThatIsNeverRetried() {
        wireMock.stubFor(get(urlPathEqualTo(WIDGETS)).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> client(2).probe(ACCOUNT)).isInstanceOf(CloudflareUnavailableException.class);

        wireMock.verify(1, anyRequestedFor(anyUrl()));
        assertThat(wireMock.getAllServeEvents().get(0).getRequest().getUrl()).contains("per_page=5");
        assertThat(count("list", "server_error")).isEqualTo(1);
    }

    private long count(String operation, String outcome) {
        Timer timer = registry.find("turnstile.cloudflare.calls")
            .tags("operation", operation, "outcome", outcome, "account", ACCOUNT.value())
            .timer();
        return timer == null ? 0 : timer.count();
    }

    private List<String> callLines() {
        // Without the duration, which differs from run to run.
        return log.lines()
            .stream()
            .filter(line -> line.startsWith(CALL_LINE))
            .map(line -> line.replaceFirst(" duration_ms=\\d+$", ""))
            .toList();
    }

    private static String line(String operation, String sitekey, String status, String outcome) {
        return CALL_LINE + "operation=" + operation + " account=" + ACCOUNT.value() + " sitekey=" + sitekey + " "
                + status + " outcome=" + outcome;
    }

    private TurnstileWidgets client(int maxRetries) {
        return client(maxRetries, Duration.ofSeconds(5));
    }

    private TurnstileWidgets client(int maxRetries, Duration responseTimeout) {
        CloudflareAccounts accounts = new CloudflareAccounts(URI.create(wireMock.baseUrl() + "/client/v4"),
                List.of(new CloudflareAccount(ACCOUNT, "Test account", new Credentials.ApiToken(TOKEN))), false);
        CloudflareClientProperties properties = new CloudflareClientProperties(Duration.ofSeconds(1), responseTimeout,
                new CloudflareClientProperties.Retry(maxRetries, Duration.ofMillis(10), Duration.ofMillis(50),
                        Duration.ofSeconds(2), Duration.ofSeconds(10)));
        return new CloudflareWidgetClient(WebClient.builder(), accounts, properties, HttpClientSettings.defaults(),
                registry);
    }

}
