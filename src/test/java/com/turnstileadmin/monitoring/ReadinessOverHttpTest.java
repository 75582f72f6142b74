package com.turnstileadmin.monitoring;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.turnstileadmin.cloudflare.Fixtures.fixture;
import static com.turnstileadmin.cloudflare.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.turnstileadmin.HttpVisitor;
import com.turnstileadmin.HttpVisitor.Response;
import com.turnstileadmin.sandbox.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Readiness over real HTTP against the app in Cloudflare mode, with WireMock as
 * Cloudflare (so that every request Cloudflare would count is counted) and a clock the
 * test moves: however often and however many probes ask, Cloudflare is asked once a
 * minute; refused credentials and an unreachable Cloudflare make readiness DOWN and then
 * UP again; liveness never follows.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = { "cloudflare.account-id=" + ReadinessOverHttpTest.ACCOUNT,
        "cloudflare.api-token=" + ReadinessOverHttpTest.TOKEN, "cloudflare.client.response-timeout=2s",
        "local-sign-in.admin-password=readiness-admin-password", "MONITORING_PASSWORD=readiness-monitoring-password" })
@Import(ReadinessOverHttpTest.MovableClock.class)
class ReadinessOverHttpTest {

    static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
    static final String TOKEN = "Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQqnFTOFYY";

    private static final String WIDGETS = "/client/v4/accounts/" + ACCOUNT + "/challenges/widgets";

    private static final String READINESS = "/actuator/health/readiness";

    @RegisterExtension
    static final WireMockExtension cloudflare = WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort())
        .build();

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClock {

        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
        }

    }

    @DynamicPropertySource
    static void cloudflareIsWireMock(DynamicPropertyRegistry registry) {
        registry.add("cloudflare.api-base-url", () -> cloudflare.baseUrl() + "/client/v4");
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    private final ExecutorService probes = Executors.newFixedThreadPool(50);

    @BeforeEach
    void aMinuteAfterTheLastQuestionCloudflareAnswers() {
        cloudflare.stubFor(get(urlPathEqualTo(WIDGETS)).willReturn(json(200, fixture("seed-list.json"))));
        clock.advance(Duration.ofMinutes(2));
        cloudflare.resetRequests();
    }

    @AfterEach
    void stopProbing() {
        probes.shutdownNow();
    }

    @Test
    void fiftyProbesAtOnceAndFiftyMoreCostOneCallUntilTheClockMovesPastAMinute() throws Exception {
        // Slow enough that the fifty overlap.
        cloudflare
            .stubFor(get(urlPathEqualTo(WIDGETS)).willReturn(json(200, fixture("seed-list.json")).withFixedDelay(300)));

        assertThat(concurrently(50, READINESS)).containsOnly(200);
        for (int i = 0; i < 50; i++) {
            assertThat(readiness().status()).isEqualTo(200);
        }
        clock.advance(Duration.ofSeconds(59));
        assertThat(concurrently(20, READINESS)).containsOnly(200);
        assertThat(calls()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(2));
        // One probe asks; the others meanwhile get the last answer.
        assertThat(concurrently(50, READINESS)).containsOnly(200);

        assertThat(calls()).isEqualTo(2);
    }

    @Test
    void refusedCredentialsMakeReadinessDownUntilCloudflareAcceptsThemAgain() {
        cloudflare.stubFor(get(urlPathEqualTo(WIDGETS)).willReturn(json(403,
                "{\"success\":false,\"errors\":[{\"code\":10000,\"message\":\"Authentication error\"}],\"result\":null}")));

        Response down = readiness();

        assertThat(down.status()).isEqualTo(503);
        assertThat(down.body()).isEqualTo("{\"status\":\"DOWN\"}");
        Response details = new HttpVisitor(port).get(READINESS, monitoring());
        assertThat(details.body()).contains("\"cloudflare\":{\"details\":", "credentials refused (HTTP 403)")
            .doesNotContain(TOKEN);
        assertThat(new HttpVisitor(port).get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(calls()).as("liveness asks nothing").isEqualTo(1);

        cloudflare.stubFor(get(urlPathEqualTo(WIDGETS)).willReturn(json(200, fixture("seed-list.json"))));
        assertThat(readiness().status()).as("within the minute, the last answer stands").isEqualTo(503);
        clock.advance(Duration.ofSeconds(61));

        assertThat(readiness().status()).isEqualTo(200);
        assertThat(calls()).isEqualTo(2);
    }

    @Test
    void anUnreachableCloudflareMakesReadinessDownWithOneCallAndNoRetry() {
        cloudflare
            .stubFor(get(urlPathEqualTo(WIDGETS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThat(readiness().status()).isEqualTo(503);
        assertThat(calls()).isEqualTo(1);
        assertThat(new HttpVisitor(port).get(READINESS, monitoring()).body())
            .contains("unavailable: connection failed");

        cloudflare.stubFor(get(urlPathEqualTo(WIDGETS))
            .willReturn(aResponse().withStatus(502).withBody("<html>bad gateway</html>")));
        clock.advance(Duration.ofSeconds(61));
        assertThat(readiness().status()).isEqualTo(503);
        assertThat(calls()).isEqualTo(2);

        cloudflare.stubFor(get(urlPathEqualTo(WIDGETS)).willReturn(json(200, fixture("seed-list.json"))));
        clock.advance(Duration.ofSeconds(61));
        assertThat(readiness().status()).isEqualTo(200);
        assertThat(new HttpVisitor(port).get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    @Test
    void aRateLimitLeavesReadinessUp() {
        cloudflare.stubFor(get(urlPathEqualTo(WIDGETS)).willReturn(
                json(429, "{\"success\":false,\"errors\":[{\"code\":971,\"message\":\"Please wait\"}],\"result\":null}")
                    .withHeader("Retry-After", "1")));

        assertThat(readiness().status()).isEqualTo(200);
        assertThat(new HttpVisitor(port).get(READINESS, monitoring()).body())
            .contains("rate limited (HTTP 429); credentials not refused");
        assertThat(calls()).isEqualTo(1);
    }

    private Response readiness() {
        return new HttpVisitor(port).get(READINESS);
    }

    private List<Integer> concurrently(int probesAtOnce, String path) throws Exception {
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < probesAtOnce; i++) {
            answers.add(probes.submit(() -> new HttpVisitor(port).get(path).status()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(20, TimeUnit.SECONDS));
        }
        return statuses;
    }

    private static int calls() {
        return cloudflare.findAll(anyRequestedFor(anyUrl())).size();
    }

    private static String[] monitoring() {
        return new String[] { "Authorization",
                ManagementEndpointsTest.basic("monitoring", "readiness-monitoring-password") };
    }

}
