package com.turnstileadmin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.account.AccountId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox's two accounts over plain HTTP: the same demo widgets at every start, and
 * the Free account refusing what Cloudflare refuses without Enterprise, which the
 * Enterprise one accepts.
 */
class SandboxAccountsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<SandboxServer> started = new ArrayList<>();

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        started.forEach(SandboxServer::close);
    }

    @Test
    void theDemoWidgetsAreTheSameAtEveryStartSitekeysNamesAndTimesIncluded() throws Exception {
        SandboxServer first = start(Clock.systemUTC());
        // A start a week later, as after a restart: the demo data must not move with the
        // clock.
        SandboxServer second = start(Clock.offset(Clock.systemUTC(), Duration.ofDays(7)));

        for (AccountId account : List.of(first.accountId(), first.enterpriseAccountId())) {
            JsonNode once = json(send(first, account, "?per_page=100", "GET", null)).get("result");
            JsonNode again = json(send(second, account, "?per_page=100", "GET", null)).get("result");
            assertThat(once.size()).isEqualTo(account.equals(first.accountId()) ? 40 : 12);
            assertThat(again).isEqualTo(once);
        }
        JsonNode widget = json(send(first, first.accountId(), "?per_page=5", "GET", null)).get("result").get(0);
        assertThat(widget.get("sitekey").stringValue()).matches("0x4AAAAAAA[\\w-]{14}");
        assertThat(widget.get("created_on").stringValue()).isLessThan("2026-01-01");
    }

    @ParameterizedTest
    @ValueSource(strings = { "bot_fight_mode", "offlabel", "ephemeral_id" })
    void theFreeAccountRefusesAnEnterpriseOnlySettingAsCloudflareDoesAndTheEnterpriseOneAcceptsIt(String field)
            throws Exception {
        SandboxServer sandbox = start(Clock.systemUTC());
        String body = "{\"name\":\"Enterprise feature\",\"mode\":\"managed\",\"domains\":[\"example.com\"],\"" + field
                + "\":true}";

        HttpResponse<String> free = send(sandbox, sandbox.accountId(), "", "POST", body);
        HttpResponse<String> enterprise = send(sandbox, sandbox.enterpriseAccountId(), "", "POST", body);

        assertRefused(free, 10402, field + " is only available on Enterprise plans", "/" + field);
        assertThat(enterprise.statusCode()).as(enterprise.body()).isEqualTo(200);
        assertThat(json(enterprise).get("result").get(field).booleanValue()).isTrue();
    }

    @Test
    void theFreeAccountRefusesElevenHostnamesAsCloudflareDoesAndTheEnterpriseOneAcceptsThem() throws Exception {
        SandboxServer sandbox = start(Clock.systemUTC());
        String hostnames = String.join(",",
                IntStream.rangeClosed(1, 11).mapToObj(i -> "\"h" + i + ".example.com\"").toList());
        String body = "{\"name\":\"Many hosts\",\"mode\":\"managed\",\"domains\":[" + hostnames + "]}";

        HttpResponse<String> free = send(sandbox, sandbox.accountId(), "", "POST", body);
        HttpResponse<String> enterprise = send(sandbox, sandbox.enterpriseAccountId(), "", "POST", body);

        assertRefused(free, 10401, "invalid value for 'domains', too many values (max: 10)", "/domains");
        assertThat(enterprise.statusCode()).as(enterprise.body()).isEqualTo(200);
        assertThat(json(enterprise).get("result").get("domains").size()).isEqualTo(11);
    }

    private static void assertRefused(HttpResponse<String> response, int code, String message, String pointer) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode envelope = json(response);
        assertThat(envelope.get("success").booleanValue()).isFalse();
        assertThat(envelope.get("result").isNull()).isTrue();
        assertThat(envelope.get("messages").isArray()).isTrue();
        JsonNode error = envelope.get("errors").get(0);
        assertThat(error.get("code").intValue()).isEqualTo(code);
        assertThat(error.get("message").stringValue()).isEqualTo(message);
        assertThat(error.get("source").get("pointer").stringValue()).isEqualTo(pointer);
    }

    private SandboxServer start(Clock clock) {
        SandboxServer sandbox = SandboxServer.start(
                new SandboxProperties(40, 12, 0, SandboxProperties.Faults.NONE, true),
                new SandboxFaults(SandboxProperties.Faults.NONE), clock);
        started.add(sandbox);
        return sandbox;
    }

    private HttpResponse<String> send(SandboxServer sandbox, AccountId account, String rest, String method, String body)
            throws IOException, InterruptedException {
        URI uri = URI.create(sandbox.apiBaseUrl() + "/accounts/" + account.value() + "/challenges/widgets" + rest);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
            .header("Authorization", "Bearer " + sandbox.apiToken().token())
            .header("Content-Type", "application/json")
            .method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

}
