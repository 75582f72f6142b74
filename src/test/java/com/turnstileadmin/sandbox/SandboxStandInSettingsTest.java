package com.turnstileadmin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.turnstileadmin.LogCapture;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * {@code SANDBOX_API_TOKEN} and {@code SANDBOX_PORT}: bound from the environment as the
 * app binds them, checked, never shown, warned about, and loopback only whatever they
 * say.
 */
class SandboxStandInSettingsTest {

    private static final String TOKEN = "bench-token-0123456789abcdefghij";

    private static final SandboxProperties DEFAULTS = new SandboxProperties(2, 0, 0, SandboxProperties.Faults.NONE,
            true);

    @Test
    void bindsTheTokenItsNameAndThePortFromTheEnvironment() {
        SandboxProperties set = bind(
                Map.of("SANDBOX_API_TOKEN", TOKEN, "SANDBOX_API_TOKEN_NAME", "terraform-ci", "SANDBOX_PORT", "8788"));
        SandboxProperties unset = bind(Map.of());
        SandboxProperties empty = bind(Map.of("SANDBOX_API_TOKEN", ""));

        assertThat(set.apiToken()).isEqualTo(TOKEN);
        assertThat(set.apiTokenName()).isEqualTo("terraform-ci");
        assertThat(set.port()).isEqualTo(8788);
        assertThat(unset.apiToken()).isNull();
        assertThat(unset.apiTokenName()).isEqualTo("sandbox-api-token");
        assertThat(unset.port()).isZero();
        assertThat(unset.demoWidgets()).isEqualTo(40);
        // docker-compose passes an unset variable on as an empty one.
        assertThat(empty.apiToken()).isNull();
    }

    @Test
    void refusesAShortOrSpacedTokenWithoutQuotingIt() {
        for (String token : List.of("too-short-19-chars!", "bench token 0123456789abcdef", TOKEN + "\u00e9")) {
            assertThatThrownBy(() -> DEFAULTS.withApiToken(token, "bench")).as(token)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SANDBOX_API_TOKEN")
                .hasMessageContaining("20 to 255")
                .hasMessageNotContaining(token);
        }
        assertThatThrownBy(() -> DEFAULTS.withApiToken(TOKEN, " ")).hasMessageContaining("api-token-name");
    }

    @Test
    void neverShowsTheTokenInToString() {
        assertThat(DEFAULTS.withApiToken(TOKEN, "bench").toString()).doesNotContain(TOKEN.substring(0, 8))
            .contains("apiToken=redacted");
        assertThat(DEFAULTS.toString()).contains("apiToken=none");
    }

    @Test
    void warnsOfAFixedTokenAndPortWithoutTheTokenAndStaysOnLoopback() throws Exception {
        int port = freeLoopbackPort();
        SandboxProperties properties = new SandboxProperties(2, 0, port, SandboxProperties.Faults.NONE, true)
            .withApiToken(TOKEN, "bench");
        List<String> lines;
        HttpResponse<String> withToken;
        HttpResponse<String> withAnother;
        try (LogCapture log = LogCapture.atDebug();
                SandboxServer sandbox = SandboxServer.start(properties,
                        new SandboxFaults(SandboxProperties.Faults.NONE), Clock.systemUTC())) {
            assertThat(InetAddress.getByName(sandbox.apiBaseUrl().getHost()).isLoopbackAddress()).isTrue();
            assertThat(sandbox.apiBaseUrl().getPort()).isEqualTo(port);
            withToken = get(sandbox, TOKEN);
            withAnother = get(sandbox, "bench-token-0123456789abcdefghiX");
            lines = log.lines();
            log.assertNoLineContainsAnyPartOf(List.of(TOKEN));
        }

        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withAnother.statusCode()).isEqualTo(403);
        assertThat(lines).anyMatch(line -> line.contains("fixed port, " + port + " (SANDBOX_PORT)"));
        assertThat(lines).anyMatch(line -> line.contains("fixed API token (SANDBOX_API_TOKEN, named \"bench\""));
    }

    @Test
    void warnsOfNothingByDefault() {
        List<String> lines;
        try (LogCapture log = LogCapture.atDebug();
                SandboxServer sandbox = SandboxServer.start(DEFAULTS, new SandboxFaults(SandboxProperties.Faults.NONE),
                        Clock.systemUTC())) {
            assertThat(sandbox.fixedApiToken()).isEmpty();
            lines = log.lines();
        }

        assertThat(lines).noneMatch(line -> line.contains("SANDBOX_"));
    }

    private static SandboxProperties bind(Map<String, Object> environment) {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource("environment", environment));
        return new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("sandbox", SandboxProperties.class);
    }

    private static int freeLoopbackPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static HttpResponse<String> get(SandboxServer sandbox, String token) throws Exception {
        URI widgets = URI.create(sandbox.apiBaseUrl() + "/accounts/" + sandbox.accountId() + "/challenges/widgets");
        return HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(widgets).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
    }

}
