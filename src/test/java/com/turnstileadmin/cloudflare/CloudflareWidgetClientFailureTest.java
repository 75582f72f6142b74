package com.turnstileadmin.cloudflare;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.account.CloudflareAccount;
import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.account.Credentials;
import com.turnstileadmin.widget.CloudflareUnavailableException;
import com.turnstileadmin.widget.CloudflareUnavailableException.Reason;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.TurnstileWidgets;
import com.turnstileadmin.widget.WidgetMode;
import com.turnstileadmin.widget.WidgetQuery;
import com.turnstileadmin.widget.WidgetSettings;
import com.turnstileadmin.widget.WidgetWithSecret;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * How the adapter fails over real HTTP. Every call runs under
 * {@link #assertTimeoutPreemptively}, so a call that hangs fails the test instead of the
 * build.
 */
class CloudflareWidgetClientFailureTest {

    @RegisterExtension
    static final WireMockExtension wireMock = WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort())
        .build();

    private static final AccountId ACCOUNT = new AccountId("023e105f4ecef8ad9ca31a8372d0c353");

    private static final Sitekey SITEKEY = new Sitekey("0x4AAF00AAAABn0R22HWm-YUc");

    private static final String TOKEN = "Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQqnFTOFYY";

    private static final String SECRET = "0x4AAF00AAAABn0R22HWmSECRETSECRET";

    private static final String WIDGET_PATH = "/client/v4/accounts/" + ACCOUNT.value() + "/challenges/widgets/"
            + SITEKEY.value();

    private static final int MAX_RETRIES = 2;

    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(2);

    /** Far above any call's expected duration, far below a hang. */
    private static final Duration HANG_LIMIT = Duration.ofSeconds(5);

    /**
     * Every failure a test provoked, checked for leaked credentials and secrets after
     * each test.
     */
    private final List<Throwable> failures = new ArrayList<>();

    @AfterEach
    void noFailureMessageLeaksTheTokenOrASecret() {
        for (Throwable failure : failures) {
            for (Throwable t : causesAndSuppressed(failure)) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN, SECRET);
                assertThat(t.toString()).doesNotContain(TOKEN, SECRET);
            }
        }
    }

    // ---- (a) rate-limited read, then success
    // -------------------------------------------------

    @Test
    void readIsRetriedAfterRetryAfterThenSucceeds() {
        wireMock.stubFor(get(urlPathEqualTo(WIDGET_PATH)).inScenario("rate limit")
            .whenScenarioStateIs(STARTED)
            .willReturn(rateLimited("1"))
            .willSetStateTo("open"));
        wireMock.stubFor(get(urlPathEqualTo(WIDGET_PATH)).inScenario("rate limit")
            .whenScenarioStateIs("open")
            .willReturn(json(200, fixture("seed-get.json"))));

        long started = System.nanoTime();
        WidgetWithSecret widget = within(() -> client().get(ACCOUNT, SITEKEY));
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(widget.widget().sitekey()).isEqualTo(SITEKEY);
        wireMock.verify(2, anyRequestedFor(anyUrl()));
        // A little slack for timer granularity; the backoff alone (≤ 50 ms) could never
        // reach this.
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    // ---- (b) rate-limited writes are never retried
    // -------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("writes")
    void rateLimitedWriteFailsAtOnceWithTheRetryAfter(String operation, Consumer<TurnstileWidgets> write) {
        wireMock.stubFor(any(anyUrl()).willReturn(rateLimited("1")));

        CloudflareUnavailableException failure = unavailable(() -> write.accept(client()));

        assertThat(failure.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(failure.status()).isEqualTo(429);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(failure.operation()).isEqualTo(operation);
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    static Stream<Arguments> writes() {
        WidgetSettings settings = WidgetSettings.of("login", List.of("example.com"), WidgetMode.MANAGED);
        return Stream.of(Arguments.of("create widget", (Consumer<TurnstileWidgets>) c -> c.create(ACCOUNT, settings)),
                Arguments.of("update widget", (Consumer<TurnstileWidgets>) c -> c.update(ACCOUNT, SITEKEY, settings)),
                Arguments.of("delete widget", (Consumer<TurnstileWidgets>) c -> c.delete(ACCOUNT, SITEKEY)),
                Arguments.of("rotate widget secret",
                        (Consumer<TurnstileWidgets>) c -> c.rotateSecret(ACCOUNT, SITEKEY, true)));
    }

    // ---- (c) a retry-after too long to wait for
    // ------------------------------------------------

    @Test
    void readFailsAtOnceWhenRetryAfterExceedsTheMaximum() {
        wireMock.stubFor(any(anyUrl()).willReturn(rateLimited("300")));

        long started = System.nanoTime();
        CloudflareUnavailableException failure = unavailable(() -> client().list(ACCOUNT, WidgetQuery.firstPage()));

        assertThat(failure.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(MAX_RETRY_AFTER);
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void readRateLimitedWithoutRetryAfterIsRetriedWithBackoffThenGivesUp() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429)));

        CloudflareUnavailableException failure = unavailable(() -> client().get(ACCOUNT, SITEKEY));

        assertThat(failure.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(failure.retryAfter()).isNull();
        wireMock.verify(1 + MAX_RETRIES, anyRequestedFor(anyUrl()));
    }

    // ---- (d) server errors
    // -------------------------------------------------------------------

    @Test
    void readIsRetriedOnServerErrorsThenFails() {
        wireMock.stubFor(any(anyUrl()).willReturn(htmlServerError()));

        CloudflareUnavailableException failure = unavailable(() -> client().get(ACCOUNT, SITEKEY));

        assertThat(failure.reason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(failure.status()).isEqualTo(502);
        assertThat(failure.getMessage()).doesNotContain("<html");
        wireMock.verify(1 + MAX_RETRIES, anyRequestedFor(anyUrl()));
    }

    @Test
    void readRecoversWhenAServerErrorPasses() {
        wireMock.stubFor(get(urlPathEqualTo(WIDGET_PATH)).inScenario("flaky")
            .whenScenarioStateIs(STARTED)
            .willReturn(htmlServerError())
            .willSetStateTo("healthy"));
        wireMock.stubFor(get(urlPathEqualTo(WIDGET_PATH)).inScenario("flaky")
            .whenScenarioStateIs("healthy")
            .willReturn(json(200, fixture("seed-get.json"))));

        WidgetWithSecret widget = within(() -> client().get(ACCOUNT, SITEKEY));

        assertThat(widget.widget().sitekey()).isEqualTo(SITEKEY);
        wireMock.verify(2, anyRequestedFor(anyUrl()));
    }

    @Test
    void noRetryWhenMaxRetriesIsZero() {
        wireMock.stubFor(any(anyUrl()).willReturn(htmlServerError()));

        CloudflareUnavailableException failure = unavailable(
                () -> client(0, Duration.ofSeconds(5), wireMockUrl()).list(ACCOUNT, WidgetQuery.firstPage()));

        assertThat(failure.reason()).isEqualTo(Reason.SERVER_ERROR);
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writes")
    void writeIsNotRetriedOnServerError(String operation, Consumer<TurnstileWidgets> write) {
        wireMock.stubFor(any(anyUrl()).willReturn(htmlServerError()));

        CloudflareUnavailableException failure = unavailable(() -> write.accept(client()));

        assertThat(failure.reason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(failure.operation()).isEqualTo(operation);
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    // ---- (e) answers that are not Cloudflare's
    // -------------------------------------------------

    @Test
    void nonJsonBodyOnA200IsAnInvalidResponseAndNotRetried() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "text/html")
            .withBody("<html>captive portal " + SECRET + "</html>")));

        CloudflareUnavailableException failure = unavailable(() -> client().get(ACCOUNT, SITEKEY));

        assertThat(failure.reason()).isEqualTo(Reason.INVALID_RESPONSE);
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void envelopeWithoutResultIsAnInvalidResponseAndNotRetried() {
        wireMock.stubFor(any(anyUrl()).willReturn(json(200, "{\"success\": true, \"errors\": [], \"messages\": []}")));

        CloudflareUnavailableException failure = unavailable(() -> client().get(ACCOUNT, SITEKEY));

        assertThat(failure.reason()).isEqualTo(Reason.INVALID_RESPONSE);
        assertThat(failure.status()).isEqualTo(200);
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void listWithoutResultInfoIsAnInvalidResponse() {
        wireMock.stubFor(any(anyUrl())
            .willReturn(json(200, "{\"success\": true, \"errors\": [], \"messages\": [], \"result\": []}")));

        CloudflareUnavailableException failure = unavailable(() -> client().list(ACCOUNT, WidgetQuery.firstPage()));

        assertThat(failure.reason()).isEqualTo(Reason.INVALID_RESPONSE);
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void truncatedJsonHoldingASecretIsAnInvalidResponseThatDoesNotQuoteIt() {
        wireMock.stubFor(any(anyUrl())
            .willReturn(json(200, "{\"success\": true, \"errors\": [], \"messages\": [], \"result\": {\"secret\": \""
                    + SECRET + "\", ")));

        CloudflareUnavailableException failure = unavailable(() -> client().rotateSecret(ACCOUNT, SITEKEY, false));

        assertThat(failure.reason()).isEqualTo(Reason.INVALID_RESPONSE);
    }

    @Test
    void widgetWithAMalformedFieldIsAnInvalidResponseThatDoesNotQuoteTheSecret() {
        wireMock.stubFor(any(anyUrl()).willReturn(json(200, """
                {"success": true, "errors": [], "messages": [],
                 "result": {"sitekey": "0x4AAF00AAAABn0R22HWm-YUc", "secret": "%s", "name": "n", "domains": [],
                   "mode": "managed", "created_on": "yesterday %s", "modified_on": "2025-01-01T00:00:00Z"}}
                """.formatted(SECRET, SECRET))));

        CloudflareUnavailableException failure = unavailable(() -> client().get(ACCOUNT, SITEKEY));

        assertThat(failure.reason()).isEqualTo(Reason.INVALID_RESPONSE);
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void wrongJsonTypesAreAnInvalidResponseThatDoesNotQuoteTheSecret() {
        wireMock.stubFor(any(anyUrl()).willReturn(json(200, """
                {"success": true, "errors": [], "messages": [],
                 "result": {"sitekey": "0x4AAF00AAAABn0R22HWm-YUc", "secret": "%s", "domains": {"%s": 1}}}
                """.formatted(SECRET, SECRET))));

        CloudflareUnavailableException failure = unavailable(() -> client().get(ACCOUNT, SITEKEY));

        assertThat(failure.reason()).isEqualTo(Reason.INVALID_RESPONSE);
    }

    // An answer that came but is larger than the 8 MB buffer is not a connection failure,
    // and
    // retrying it only downloads the same oversized body again.
    @Test
    void oversizedAnswerIsAnInvalidResponseAndNotRetried() {
        String padding = "x".repeat(9 * 1024 * 1024);
        wireMock.stubFor(any(anyUrl()).willReturn(
                json(200, "{\"success\": true, \"errors\": [], \"messages\": [], \"padding\": \"" + padding + "\"}")));

        CloudflareUnavailableException failure = unavailable(() -> client().get(ACCOUNT, SITEKEY));

        assertThat(failure.reason()).isEqualTo(Reason.INVALID_RESPONSE);
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    // ---- (f) timeouts
    // --------------------------------------------------------------------------

    @Test
    void slowReadTimesOutWithoutRetryAndReturnsPromptly() {
        wireMock.stubFor(any(anyUrl()).willReturn(json(200, fixture("seed-get.json")).withFixedDelay(1_500)));
        TurnstileWidgets client = client(MAX_RETRIES, Duration.ofMillis(300), wireMockUrl());

        long started = System.nanoTime();
        CloudflareUnavailableException failure = unavailable(() -> client.get(ACCOUNT, SITEKEY));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(failure.status()).isZero();
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(250)).isLessThan(Duration.ofMillis(1_200));
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void slowWriteTimesOutWithoutRetry() {
        wireMock.stubFor(any(anyUrl()).willReturn(json(200, fixture("seed-create.json")).withFixedDelay(1_500)));
        TurnstileWidgets client = client(MAX_RETRIES, Duration.ofMillis(300), wireMockUrl());

        CloudflareUnavailableException failure = unavailable(
                () -> client.create(ACCOUNT, WidgetSettings.of("login", List.of("example.com"), WidgetMode.MANAGED)));

        assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    // ---- (g) connection failures
    // ---------------------------------------------------------------

    @Test
    void refusedConnectionIsAConnectionFailureAfterRetries() throws IOException {
        URI closed = URI.create("http://localhost:" + closedPort() + "/client/v4");
        AtomicInteger attempts = new AtomicInteger();
        WebClient.Builder counting = counting(attempts);

        CloudflareUnavailableException failure = unavailable(
                () -> client(counting, MAX_RETRIES, Duration.ofSeconds(5), closed).list(ACCOUNT,
                        WidgetQuery.firstPage()));

        assertThat(failure.reason()).isEqualTo(Reason.CONNECTION_FAILED);
        assertThat(failure.status()).isZero();
        assertThat(failure.getCause()).isNotNull();
        assertThat(attempts).hasValue(1 + MAX_RETRIES);
    }

    @Test
    void refusedConnectionOnAWriteIsNotRetried() throws IOException {
        URI closed = URI.create("http://localhost:" + closedPort() + "/client/v4");
        AtomicInteger attempts = new AtomicInteger();
        WebClient.Builder counting = counting(attempts);

        CloudflareUnavailableException failure = unavailable(
                () -> client(counting, MAX_RETRIES, Duration.ofSeconds(5), closed).delete(ACCOUNT, SITEKEY));

        assertThat(failure.reason()).isEqualTo(Reason.CONNECTION_FAILED);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void droppedConnectionOnAReadIsRetriedThenAConnectionFailure() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        CloudflareUnavailableException failure = unavailable(() -> client().get(ACCOUNT, SITEKEY));

        assertThat(failure.reason()).isEqualTo(Reason.CONNECTION_FAILED);
        wireMock.verify(1 + MAX_RETRIES, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writes")
    void droppedConnectionOnAWriteIsNotRetried(String operation, Consumer<TurnstileWidgets> write) {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        CloudflareUnavailableException failure = unavailable(() -> write.accept(client()));

        assertThat(failure.reason()).isEqualTo(Reason.CONNECTION_FAILED);
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    // ---- helpers
    // -------------------------------------------------------------------------------

    /**
     * Runs the call under the hang limit and returns the Cloudflare failure it must end
     * in.
     */
    private CloudflareUnavailableException unavailable(Runnable call) {
        Throwable thrown = assertTimeoutPreemptively(HANG_LIMIT, () -> catchThrowable(call::run));
        assertThat(thrown).isInstanceOf(CloudflareUnavailableException.class);
        failures.add(thrown);
        return (CloudflareUnavailableException) thrown;
    }

    private static <T> T within(org.junit.jupiter.api.function.ThrowingSupplier<T> call) {
        return assertTimeoutPreemptively(HANG_LIMIT, call);
    }

    private static Set<Throwable> causesAndSuppressed(Throwable root) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> pending = new ArrayList<>(List.of(root));
        while (!pending.isEmpty()) {
            Throwable t = pending.remove(pending.size() - 1);
            if (t != null && seen.add(t)) {
                pending.add(t.getCause());
                pending.addAll(List.of(t.getSuppressed()));
            }
        }
        return seen;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * No server sees attempts at a closed port, so a filter on the caller's builder
     * counts them.
     */
    private static WebClient.Builder counting(AtomicInteger attempts) {
        return WebClient.builder().filter(ExchangeFilterFunction.ofRequestProcessor(request -> {
            attempts.incrementAndGet();
            return Mono.just(request);
        }));
    }

    private static TurnstileWidgets client() {
        return client(MAX_RETRIES, Duration.ofSeconds(5), wireMockUrl());
    }

    private static URI wireMockUrl() {
        return URI.create(wireMock.baseUrl() + "/client/v4");
    }

    private static TurnstileWidgets client(int maxRetries, Duration responseTimeout, URI baseUrl) {
        return client(WebClient.builder(), maxRetries, responseTimeout, baseUrl);
    }

    private static TurnstileWidgets client(WebClient.Builder builder, int maxRetries, Duration responseTimeout,
            URI baseUrl) {
        CloudflareAccounts accounts = new CloudflareAccounts(baseUrl,
                List.of(new CloudflareAccount(ACCOUNT, "Test account", new Credentials.ApiToken(TOKEN))), false);
        CloudflareClientProperties properties = new CloudflareClientProperties(Duration.ofSeconds(1), responseTimeout,
                new CloudflareClientProperties.Retry(maxRetries, Duration.ofMillis(10), Duration.ofMillis(50),
                        MAX_RETRY_AFTER, Duration.ofSeconds(10)));
        return new CloudflareWidgetClient(builder, accounts, properties);
    }

    private static ResponseDefinitionBuilder rateLimited(String retryAfter) {
        return json(429, """
                {"success": false, "result": null, "messages": [],
                 "errors": [{"code": 971, "message": "Please wait and consider throttling your request speed"}]}
                """).withHeader("Retry-After", retryAfter);
    }

    private static ResponseDefinitionBuilder htmlServerError() {
        return aResponse().withStatus(502)
            .withHeader("Content-Type", "text/html")
            .withBody("<html><head><title>502 Bad Gateway</title></head><body>cloudflare</body></html>");
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String fixture(String name) {
        try (InputStream in = CloudflareWidgetClientFailureTest.class
            .getResourceAsStream("/cloudflare/fixtures/" + name)) {
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
