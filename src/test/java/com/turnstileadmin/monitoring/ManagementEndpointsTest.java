package com.turnstileadmin.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.AppOverHttp;
import com.turnstileadmin.AppOverHttp.User;
import com.turnstileadmin.HttpVisitor;
import com.turnstileadmin.HttpVisitor.Response;
import com.turnstileadmin.sandbox.SandboxFaults;
import com.turnstileadmin.sandbox.SandboxProperties;
import com.turnstileadmin.sandbox.SandboxServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The management endpoints over real HTTP against the app on the sandbox: health and its
 * probes public with the status alone, everything else behind the monitoring user's HTTP
 * Basic, with a bare 401 for anyone else (a dashboard user's password or session
 * included), and the protective headers on every answer. The table is checked against the
 * endpoints the app exposes, so that a new one cannot go untested.
 */
@AppOverHttp
class ManagementEndpointsTest {

    /** Each exposed endpoint and whether anyone may read it. */
    private static final Map<String, Boolean> PUBLIC = Map.of("/actuator/health", true, "/actuator/info", false,
            "/actuator/prometheus", false);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    PathMappedEndpoints endpoints;

    @Autowired
    SandboxServer sandbox;

    @Autowired
    SandboxFaults faults;

    @BeforeEach
    void noOutage() {
        faults.set(SandboxProperties.Faults.NONE);
    }

    @Test
    void theTableListsEveryExposedEndpoint() {
        assertThat(endpoints.getAllPaths()).containsExactlyInAnyOrderElementsOf(PUBLIC.keySet());
    }

    static Stream<String> closedEndpoints() {
        return PUBLIC.entrySet().stream().filter(endpoint -> !endpoint.getValue()).map(Map.Entry::getKey);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("closedEndpoints")
    void anEndpointOtherThanHealthAnswersABare401ToAnyoneButTheMonitoringUser(String endpoint) {
        HttpVisitor dashboardAdmin = HttpVisitor.signedIn(port, User.ADMIN);
        List<Response> refused = List.of(new HttpVisitor(port).get(endpoint),
                new HttpVisitor(port).get(endpoint, "Authorization", basic("monitoring", "wrong password")),
                new HttpVisitor(port).get(endpoint, "Authorization", basic("admin", User.ADMIN.password)),
                dashboardAdmin.get(endpoint));

        for (Response response : refused) {
            assertThat(response.status()).as(response.toString()).isEqualTo(401);
            assertThat(response.body()).as(response.toString()).isEmpty();
            assertThat(response.header("WWW-Authenticate")).startsWith("Basic realm=");
            assertProtectiveHeaders(response);
        }
        Response allowed = new HttpVisitor(port).get(endpoint, monitoring());
        assertThat(allowed.status()).isEqualTo(200);
        assertProtectiveHeaders(allowed);
        assertThat(allowed.sessionCookie()).as("a scrape leaves no session behind").isEmpty();
    }

    @Test
    void healthAndItsProbesAnswerAnyoneWithTheStatusAlone() {
        assertThat(json(new HttpVisitor(port).get("/actuator/health/liveness"))).isEqualTo(Map.of("status", "UP"));
        assertThat(json(new HttpVisitor(port).get("/actuator/health/readiness"))).isEqualTo(Map.of("status", "UP"));
        // The root names its groups too (Boot always does); never a component or a
        // detail.
        assertThat(json(new HttpVisitor(port).get("/actuator/health")))
            .isEqualTo(Map.of("status", "UP", "groups", List.of("liveness", "readiness")));
        Response health = new HttpVisitor(port).get("/actuator/health");
        assertProtectiveHeaders(health);
        assertThat(health.sessionCookie()).isEmpty();
    }

    @Test
    void theMonitoringUserSeesWhatReadinessAndLivenessAreMadeOf() {
        JsonNode readiness = tree(new HttpVisitor(port).get("/actuator/health/readiness", monitoring()));
        JsonNode liveness = tree(new HttpVisitor(port).get("/actuator/health/liveness", monitoring()));

        assertThat(readiness.get("components").propertyNames()).containsExactlyInAnyOrder("readinessState", "db",
                "cloudflare");
        assertThat(readiness.at("/components/cloudflare/details/accounts/" + sandbox.accountId().value() + "/answer")
            .asString()).isEqualTo("credentials accepted");
        assertThat(liveness.get("components").propertyNames()).containsExactly("livenessState");
    }

    @Test
    void livenessNeverAsksCloudflare() {
        long before = sandbox.requestCount();

        for (int i = 0; i < 5; i++) {
            assertThat(new HttpVisitor(port).get("/actuator/health/liveness", monitoring()).status()).isEqualTo(200);
        }

        assertThat(sandbox.requestCount() - before).isZero();
    }

    @Test
    void infoShowsTheBuildsVersionAndCommit() throws IOException {
        JsonNode info = tree(new HttpVisitor(port).get("/actuator/info", monitoring()));

        assertThat(info.at("/build/version").asString()).isEqualTo(projectVersion());
        Properties git = gitProperties();
        // A build from a source archive, without .git, has no commit to show.
        if (git.getProperty("git.commit.id.abbrev") != null) {
            assertThat(info.at("/git/commit/id").asString()).isEqualTo(git.getProperty("git.commit.id.abbrev"))
                .matches("[0-9a-f]{7,}");
            assertThat(info.at("/git/branch").asString()).isNotBlank();
        }
    }

    /** The version in pom.xml, where the build took it from. */
    private static String projectVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>turnstile-admin</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(pom);
        assertThat(version.find()).isTrue();
        return version.group(1);
    }

    private static Properties gitProperties() throws IOException {
        Properties git = new Properties();
        try (InputStream in = ManagementEndpointsTest.class.getResourceAsStream("/git.properties")) {
            if (in != null) {
                git.load(in);
            }
        }
        return git;
    }

    static void assertProtectiveHeaders(Response response) {
        assertThat(response.header("Content-Security-Policy")).as(response.toString())
            .contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Referrer-Policy")).isEqualTo("same-origin");
    }

    /** The monitoring user's credentials, as headers for {@link HttpVisitor#get}. */
    static String[] monitoring() {
        return new String[] { "Authorization", basic("monitoring", AppOverHttp.MONITORING_PASSWORD) };
    }

    static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> json(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return JSON.readValue(response.body(), Map.class);
    }

    private static JsonNode tree(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

}
