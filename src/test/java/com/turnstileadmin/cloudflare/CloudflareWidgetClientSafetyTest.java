package com.turnstileadmin.cloudflare;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What keeps credentials, writes and the team's shared rate limit safe when things go
 * wrong.
 */
class CloudflareWidgetClientSafetyTest {

    @RegisterExtension
    static final WireMockExtension cloudflare = WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort())
        .build();

    @RegisterExtension
    static final WireMockExtension elsewhere = WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort())
        .build();

    private static final AccountId ACCOUNT = new AccountId("023e105f4ecef8ad9ca31a8372d0c353");

    private static final Sitekey SITEKEY = new Sitekey("0x4AAF00AAAABn0R22HWm-YUc");

    private static final WidgetSettings SETTINGS = WidgetSettings.of("Login", List.of("example.com"),
            WidgetMode.MANAGED);

    @Test
    void aRedirectIsNeverFollowedSoTheLegacyKeyStaysHome() {
        cloudflare.stubFor(any(anyUrl())
            .willReturn(aResponse().withStatus(302).withHeader("Location", elsewhere.baseUrl() + "/steal")));
        elsewhere.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        // Even when Boot's client settings say to follow redirects, the adapter does not.
        TurnstileWidgets api = new CloudflareWidgetClient(WebClient.builder(),
                accounts(URI.create(cloudflare.baseUrl() + "/client/v4"),
                        new Credentials.GlobalApiKey("ops@example.com", "144c9defac04969c7bfad8efaa8ea194")),
                properties(), HttpClientSettings.defaults().withRedirects(HttpRedirects.FOLLOW),
                new SimpleMeterRegistry());

        CloudflareUnavailableException failure = unavailable(() -> api.get(ACCOUNT, SITEKEY));

        assertThat(failure.reason()).isEqualTo(Reason.INVALID_RESPONSE);
        assertThat(failure.status()).isEqualTo(302);
        elsewhere.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aWriteThatReachedCloudflareButGotNoAnswerMayHaveBeenCarriedOut() {
        cloudflare.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500).withBody("<html>oops</html>")));
        TurnstileWidgets api = client(URI.create(cloudflare.baseUrl() + "/client/v4"));

        CloudflareUnavailableException write = unavailable(() -> api.create(ACCOUNT, SETTINGS));
        CloudflareUnavailableException read = unavailable(() -> api.get(ACCOUNT, SITEKEY));

        assertThat(write.outcomeUnknown()).isTrue();
        assertThat(write.getMessage()).contains("may have been carried out");
        assertThat(read.outcomeUnknown()).isFalse();
    }

    @Test
    void aWriteOnADroppedConnectionMayHaveBeenCarriedOut() {
        cloudflare.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        CloudflareUnavailableException failure = unavailable(
                () -> client(URI.create(cloudflare.baseUrl() + "/client/v4")).delete(ACCOUNT, SITEKEY));

        assertThat(failure.reason()).isEqualTo(Reason.CONNECTION_FAILED);
        assertThat(failure.outcomeUnknown()).isTrue();
    }

    @Test
    void aWriteThatNeverConnectedOrWasRateLimitedWasNotCarriedOut() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        cloudflare.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));

        CloudflareUnavailableException refused = unavailable(
                () -> client(URI.create("http://127.0.0.1:" + closedPort + "/client/v4")).update(ACCOUNT, SITEKEY,
                        SETTINGS));
        CloudflareUnavailableException limited = unavailable(
                () -> client(URI.create(cloudflare.baseUrl() + "/client/v4")).rotateSecret(ACCOUNT, SITEKEY, false));

        assertThat(refused.reason()).isEqualTo(Reason.CONNECTION_FAILED);
        assertThat(refused.outcomeUnknown()).isFalse();
        assertThat(limited.outcomeUnknown()).isFalse();
    }

    @Test
    void cloudflaresLongRateLimitBlockIsRememberedSoCallsDuringItFailAtOnce() {
        cloudflare.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429)
            .withHeader("Retry-After", "300")
            .withHeader("Content-Type", "application/json")
            .withBody("{\"success\":false,\"errors\":[{\"code\":10429,\"message\":\"rate limited\"}],"
                    + "\"messages\":[],\"result\":null}")));
        TurnstileWidgets api = client(URI.create(cloudflare.baseUrl() + "/client/v4"));

        CloudflareUnavailableException first = unavailable(() -> api.list(ACCOUNT, WidgetQuery.firstPage()));
        CloudflareUnavailableException during = unavailable(() -> api.create(ACCOUNT, SETTINGS));

        assertThat(first.retryAfter()).isEqualTo(Duration.ofSeconds(300));
        assertThat(during.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(during.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(300));
        cloudflare.verify(1, anyRequestedFor(anyUrl()));
    }

    private static TurnstileWidgets client(URI baseUrl) {
        return new CloudflareWidgetClient(WebClient.builder(),
                accounts(baseUrl, new Credentials.ApiToken("Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQqnFTOFYY")), properties());
    }

    private static CloudflareAccounts accounts(URI baseUrl, Credentials credentials) {
        return new CloudflareAccounts(baseUrl, List.of(new CloudflareAccount(ACCOUNT, "Test", credentials)), false);
    }

    private static CloudflareClientProperties properties() {
        return new CloudflareClientProperties(Duration.ofSeconds(2), Duration.ofSeconds(2),
                new CloudflareClientProperties.Retry(1, Duration.ofMillis(10), Duration.ofMillis(20),
                        Duration.ofSeconds(10), Duration.ofSeconds(10)));
    }

    private static CloudflareUnavailableException unavailable(Runnable call) {
        return catchThrowableOfType(CloudflareUnavailableException.class, call::run);
    }

}
