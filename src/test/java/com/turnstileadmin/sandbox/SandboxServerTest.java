package com.turnstileadmin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The sandbox over plain HTTP: what any client, not just our adapter, gets from it. */
class SandboxServerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SandboxFaults faults = new SandboxFaults(SandboxProperties.Faults.NONE);

    private final SandboxServer sandbox = SandboxServer
        .start(new SandboxProperties(30, 6, 0, SandboxProperties.Faults.NONE, true), faults, Clock.systemUTC());

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void listsOnlyOnLoopback() {
        assertThat(sandbox.apiBaseUrl().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void refusesRequestsWithoutOrWithWrongCredentials() throws Exception {
        HttpResponse<String> none = send(HttpRequest.newBuilder(widgets("")).GET().build());
        HttpResponse<String> wrong = send(
                HttpRequest.newBuilder(widgets("")).header("Authorization", "Bearer nope").GET().build());

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(json(none).get("success").booleanValue()).isFalse();
        assertThat(json(none).get("errors").get(0).get("code").intValue()).isEqualTo(10001);
        assertThat(json(none).get("result").isNull()).isTrue();
        assertThat(wrong.statusCode()).isEqualTo(403);
    }

    @Test
    void acceptsTheTokenAndTheLegacyKey() throws Exception {
        HttpResponse<String> byKey = send(HttpRequest.newBuilder(widgets(""))
            .header("X-Auth-Email", sandbox.globalApiKey().email())
            .header("X-Auth-Key", sandbox.globalApiKey().key())
            .GET()
            .build());

        assertThat(send(authorized(widgets("")).GET().build()).statusCode()).isEqualTo(200);
        assertThat(byKey.statusCode()).isEqualTo(200);
    }

    @Test
    void listAnswersWithCloudflaresResultInfo() throws Exception {
        JsonNode page = json(send(authorized(widgets("?page=2&per_page=10&order=name&direction=desc")).GET().build()));

        assertThat(page.get("result").size()).isEqualTo(10);
        assertThat(page.get("result").get(0).has("secret")).isFalse();
        assertThat(page.get("result_info").get("page").intValue()).isEqualTo(2);
        assertThat(page.get("result_info").get("per_page").intValue()).isEqualTo(10);
        assertThat(page.get("result_info").get("count").intValue()).isEqualTo(10);
        assertThat(page.get("result_info").get("total_count").intValue()).isEqualTo(30);
        assertThat(page.get("result").get(0).get("created_on").stringValue())
            .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
    }

    @Test
    void refusesBadListParametersWith400() throws Exception {
        for (String query : new String[] { "?per_page=4", "?per_page=1001", "?page=0", "?page=x", "?order=colour",
                "?direction=up", "?filter=domain:example", "?filter=nocolon" }) {
            HttpResponse<String> response = send(authorized(widgets(query)).GET().build());
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(json(response).get("errors").get(0).get("message").stringValue()).as(query).isNotBlank();
        }
    }

    @Test
    void answersUnknownRoutesAccountsAndMethodsLikeCloudflare() throws Exception {
        URI otherAccount = URI
            .create(sandbox.apiBaseUrl() + "/accounts/0123456789abcdef0123456789abcdef/challenges/widgets");
        URI unknownRoute = URI.create(sandbox.apiBaseUrl() + "/zones");

        assertThat(send(authorized(otherAccount).GET().build()).statusCode()).isEqualTo(403);
        assertThat(send(authorized(unknownRoute).GET().build()).statusCode()).isEqualTo(404);
        assertThat(send(authorized(widgets("")).DELETE().build()).statusCode()).isEqualTo(405);
        assertThat(send(authorized(widgets("/0x4AAAAAAAnothere")).GET().build()).statusCode()).isEqualTo(404);
    }

    @Test
    void refusesMalformedJsonBodies() throws Exception {
        HttpResponse<String> response = send(authorized(widgets("")).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":"))
            .build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").get(0).get("message").stringValue()).contains("not valid JSON");
    }

    @Test
    void injectsServerErrorsRateLimitsAndLatencyOnDemand() throws Exception {
        faults.set(SandboxProperties.Faults.NONE.withServerErrorRate(1));
        HttpResponse<String> serverError = send(authorized(widgets("")).GET().build());
        faults.set(SandboxProperties.Faults.NONE.withRateLimitRate(1, Duration.ofSeconds(3)));
        HttpResponse<String> rateLimited = send(authorized(widgets("")).GET().build());
        faults.set(SandboxProperties.Faults.NONE.withLatency(Duration.ofMillis(300)));
        long started = System.nanoTime();
        HttpResponse<String> slow = send(authorized(widgets("")).GET().build());
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(serverError.statusCode()).isEqualTo(502);
        assertThat(serverError.headers().firstValue("Content-Type"))
            .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(rateLimited.statusCode()).isEqualTo(429);
        assertThat(rateLimited.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(slow.statusCode()).isEqualTo(200);
        assertThat(tookMillis).isGreaterThanOrEqualTo(300);
    }

    private URI widgets(String rest) {
        return URI.create(sandbox.apiBaseUrl() + "/accounts/" + sandbox.accountId() + "/challenges/widgets" + rest);
    }

    private HttpRequest.Builder authorized(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + sandbox.apiToken().token());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

}
