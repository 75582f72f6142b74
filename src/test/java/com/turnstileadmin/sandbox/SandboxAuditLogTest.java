package com.turnstileadmin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox's account audit logs over plain HTTP: an entry for every widget write,
 * naming the token or key that made it, read back as Cloudflare's v2 endpoint answers.
 */
class SandboxAuditLogTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String FIXED_TOKEN = "bench-token-0123456789abcdefghij";

    private static final Instant START = Instant.parse("2026-06-01T08:00:00Z");

    private static final String WHOLE_DAY = "?since=2026-06-01&before=2026-06-02";

    private final MutableClock clock = new MutableClock(START);

    private final SandboxServer sandbox = SandboxServer
        .start(new SandboxProperties(3, 0, 0, SandboxProperties.Faults.NONE, true).withApiToken(FIXED_TOKEN,
                "terraform-ci"), new SandboxFaults(SandboxProperties.Faults.NONE), clock);

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void everyWriteIsEnteredWithTheTokenOrKeyThatMadeIt() throws Exception {
        String sitekey = create(bearer(sandbox.apiToken().token())).get("sitekey").stringValue();
        clock.advance(Duration.ofMinutes(1));
        send(bearer(FIXED_TOKEN), "PUT", widget(sitekey),
                "{\"name\":\"renamed\",\"domains\":[\"a.example\"]," + "\"mode\":\"invisible\"}");
        clock.advance(Duration.ofMinutes(1));
        send(byKey(), "POST", URI.create(widget(sitekey) + "/rotate_secret"), "{}");
        clock.advance(Duration.ofMinutes(1));
        send(bearer(FIXED_TOKEN), "DELETE", widget(sitekey), null);

        JsonNode entries = auditLog(WHOLE_DAY).get("result");

        // Newest first, Cloudflare's default order.
        assertThat(entries).extracting(entry -> entry.get("raw").get("method").stringValue())
            .containsExactly("DELETE", "POST", "PUT", "POST");
        assertThat(entries).extracting(entry -> entry.get("action").get("description").stringValue())
            .containsExactly("Delete a Turnstile Widget", "Rotate Secret for a Turnstile Widget",
                    "Update a Turnstile Widget", "Create a Turnstile Widget");
        assertThat(entries).extracting(entry -> entry.get("resource").get("id").stringValue()).containsOnly(sitekey);
        assertThat(entries).extracting(entry -> entry.get("actor").get("context").stringValue())
            .containsExactly("api_token", "api_key", "api_token", "api_token");
        assertThat(entries).extracting(entry -> entry.get("actor").path("token_name").asString(""))
            .containsExactly("terraform-ci", "", "terraform-ci", "turnstile-admin");
        assertThat(entries.get(3).get("actor").get("token_id").stringValue()).isEqualTo(sandbox.apiTokenId());
        assertThat(entries.get(0).get("actor").get("token_id").stringValue())
            .isEqualTo(sandbox.fixedApiTokenId().orElseThrow());
        assertThat(entries.get(0).get("action").get("time").stringValue()).isEqualTo("2026-06-01T08:03:00.000000Z");
        assertThat(entries.get(2).get("resource").get("request").get("name").stringValue()).isEqualTo("renamed");
        assertThat(entries.get(0).has("zone")).isTrue();
        assertThat(sandbox.auditLogCount(sandbox.accountId())).isEqualTo(4);
    }

    @Test
    void theSecretIsRedactedInRequestAndResponse() throws Exception {
        JsonNode created = create(bearer(FIXED_TOKEN));
        String secret = created.get("secret").stringValue();

        HttpResponse<String> log = send(bearer(FIXED_TOKEN), "GET", auditLogUri(WHOLE_DAY), null);

        JsonNode response = JSON.readTree(log.body()).get("result").get(0).get("resource").get("response");
        assertThat(response.get("secret").stringValue()).isEqualTo("[REDACTED]");
        assertThat(response.get("name").stringValue()).isEqualTo("bench");
        assertThat(log.body()).doesNotContain(secret.substring(10));
    }

    @Test
    void pagesWithAnOpaqueCursorUntilTheLastPageHasNone() throws Exception {
        for (int i = 0; i < 5; i++) {
            create(bearer(FIXED_TOKEN));
            clock.advance(Duration.ofSeconds(1));
        }
        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = auditLog(
                    WHOLE_DAY + "&direction=asc&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("result").forEach(entry -> seen.add(entry.get("action").get("time").stringValue()));
            sizes.add(page.get("result_info").get("count").intValue());
            cursor = page.get("result_info").path("cursor").asString(null);
            if (cursor != null) {
                assertThat(page.get("result_info").get("cursors").get("after").stringValue()).isEqualTo(cursor);
            }
        }
        while (cursor != null);

        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(seen).isSorted().doesNotHaveDuplicates().hasSize(5);
    }

    @Test
    void answersOnlyTheEntriesInsideTheWindow() throws Exception {
        create(bearer(FIXED_TOKEN));
        clock.advance(Duration.ofHours(1));
        create(bearer(FIXED_TOKEN));

        JsonNode later = auditLog("?since=2026-06-01T08:30:00Z&before=2026-06-01T11:00:00%2B01:00");
        JsonNode before = auditLog("?since=2026-05-31&before=2026-06-01T09:00:00Z");

        assertThat(later.get("result")).hasSize(1);
        assertThat(later.get("result").get(0).get("action").get("time").stringValue()).startsWith("2026-06-01T09:00");
        // before is exclusive: the entry at 09:00 is not older than 09:00.
        assertThat(before.get("result")).hasSize(1);
    }

    @Test
    void refusesMissingOrMalformedParametersWithCloudflaresErrorEnvelope() throws Exception {
        for (String query : new String[] { "", "?since=2026-06-01", "?before=2026-06-02",
                "?since=yesterday&before=2026-06-02", "?since=2026-06-02&before=2026-06-01",
                WHOLE_DAY + "&direction=up", WHOLE_DAY + "&limit=0", WHOLE_DAY + "&limit=1001",
                WHOLE_DAY + "&limit=ten", WHOLE_DAY + "&cursor=not-ours" }) {
            HttpResponse<String> response = send(bearer(FIXED_TOKEN), "GET", auditLogUri(query), null);
            JsonNode body = JSON.readTree(response.body());
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(body.get("success").booleanValue()).as(query).isFalse();
            assertThat(body.get("result").isNull()).as(query).isTrue();
            assertThat(body.get("errors").get(0).get("message").stringValue()).as(query).isNotBlank();
        }
    }

    @Test
    void refusesWithoutThePermissionAnotherAccountAndWrites() throws Exception {
        URI otherAccount = URI
            .create(sandbox.apiBaseUrl() + "/accounts/0123456789abcdef0123456789abcdef/logs/audit" + WHOLE_DAY);
        assertThat(send(bearer(FIXED_TOKEN), "GET", otherAccount, null).statusCode()).isEqualTo(403);
        assertThat(send(bearer(FIXED_TOKEN), "POST", auditLogUri(WHOLE_DAY), "{}").statusCode()).isEqualTo(405);
        assertThat(send(HttpRequest.newBuilder(), "GET", auditLogUri(WHOLE_DAY), null).statusCode()).isEqualTo(401);

        sandbox.auditLogPermission(false);
        HttpResponse<String> refused = send(bearer(FIXED_TOKEN), "GET", auditLogUri(WHOLE_DAY), null);
        sandbox.auditLogPermission(true);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(send(bearer(FIXED_TOKEN), "GET", auditLogUri(WHOLE_DAY), null).statusCode()).isEqualTo(200);
    }

    @Test
    void tellsEachTokenItsIdAndRefusesToVerifyTheLegacyKey() throws Exception {
        URI verify = URI.create(sandbox.apiBaseUrl() + "/user/tokens/verify");

        JsonNode app = JSON.readTree(send(bearer(sandbox.apiToken().token()), "GET", verify, null).body());
        JsonNode fixed = JSON.readTree(send(bearer(FIXED_TOKEN), "GET", verify, null).body());

        assertThat(app.get("result").get("id").stringValue()).isEqualTo(sandbox.apiTokenId()).matches("[0-9a-f]{32}");
        assertThat(fixed.get("result").get("id").stringValue()).isEqualTo(sandbox.fixedApiTokenId().orElseThrow());
        assertThat(fixed.get("result").get("status").stringValue()).isEqualTo("active");
        assertThat(send(byKey(), "GET", verify, null).statusCode()).isEqualTo(400);
    }

    private JsonNode create(HttpRequest.Builder caller) throws Exception {
        HttpResponse<String> response = send(caller, "POST", widget(""),
                "{\"name\":\"bench\",\"domains\":[\"bench.example\"],\"mode\":\"managed\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("result");
    }

    private JsonNode auditLog(String query) throws Exception {
        HttpResponse<String> response = send(bearer(FIXED_TOKEN), "GET", auditLogUri(query), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private URI auditLogUri(String query) {
        return URI.create(sandbox.apiBaseUrl() + "/accounts/" + sandbox.accountId() + "/logs/audit" + query);
    }

    private URI widget(String sitekey) {
        return URI.create(sandbox.apiBaseUrl() + "/accounts/" + sandbox.accountId() + "/challenges/widgets"
                + (sitekey.isEmpty() ? "" : "/" + sitekey));
    }

    private static HttpRequest.Builder bearer(String token) {
        return HttpRequest.newBuilder().header("Authorization", "Bearer " + token);
    }

    private HttpRequest.Builder byKey() {
        return HttpRequest.newBuilder()
            .header("X-Auth-Email", sandbox.globalApiKey().email())
            .header("X-Auth-Key", sandbox.globalApiKey().key());
    }

    private HttpResponse<String> send(HttpRequest.Builder caller, String method, URI uri, @Nullable String body)
            throws IOException, InterruptedException {
        HttpRequest request = caller.copy()
            .uri(uri)
            .header("Content-Type", "application/json")
            .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
            .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

}
