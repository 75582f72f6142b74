package com.turnstileadmin.cloudflare;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.turnstileadmin.cloudflare.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.account.CloudflareAccount;
import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.account.Credentials;
import com.turnstileadmin.reconcile.AccountAuditLogs;
import com.turnstileadmin.reconcile.AuditLogEntry;
import com.turnstileadmin.widget.CloudflareApiException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The audit-log adapter against WireMock answering in the v2 shape (as the sandbox, which
 * Cloudflare's TypeScript SDK reads, does): what it asks, how it pages by cursor, which
 * entries it keeps, and a refusal without the permission.
 */
class CloudflareAuditLogClientTest {

    @RegisterExtension
    static final WireMockExtension wireMock = WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort())
        .build();

    private static final AccountId ACCOUNT = new AccountId("023e105f4ecef8ad9ca31a8372d0c353");

    private static final String PATH = "/client/v4/accounts/" + ACCOUNT.value() + "/logs/audit";

    private static final Instant SINCE = Instant.parse("2026-12-07T10:00:00Z");

    private static final Instant BEFORE = Instant.parse("2026-12-07T11:00:00Z");

    @Test
    void entriesAboutWidgetsAreReadPageByPageOldestFirstWithWhoMadeThem() {
        ownTokenIs("dashboard-token");
        wireMock
            .stubFor(
                    get(urlPathEqualTo(PATH)).withQueryParam("cursor", WireMock.absent())
                        .willReturn(json(200,
                                envelope(
                                        entry("2026-12-07T10:30:00Z", "PUT",
                                                "/client/v4/accounts/" + ACCOUNT.value()
                                                        + "/challenges/widgets/0x4AAAAAAAshop",
                                                "0x4AAAAAAAshop", "api_token", "terraform-ci"),
                                        "\"cursors\": {\"after\": \"page-2\"}"))));
        wireMock
            .stubFor(
                    get(urlPathEqualTo(PATH)).withQueryParam("cursor", equalTo("page-2"))
                        .willReturn(json(200,
                                envelope(
                                        entry("2026-12-07T10:10:00Z", "POST",
                                                "/client/v4/accounts/" + ACCOUNT.value()
                                                        + "/challenges/widgets/0x4AAAAAAAshop/rotate_secret",
                                                "0x4AAAAAAAshop", "dash", null)
                                                + ","
                                                + entry("2026-12-07T10:20:00Z", "PUT",
                                                        "/client/v4/zones/z/dns_records/r", "r", "dash", null),
                                        "\"cursor\": \"\""))));

        AccountAuditLogs.Read read = client().widgetEntries(ACCOUNT, SINCE, BEFORE, 3);

        assertThat(read.calls()).as("the token verified, then two pages").isEqualTo(3);
        assertThat(read.entries()).extracting(AuditLogEntry::time)
            .containsExactly(Instant.parse("2026-12-07T10:10:00Z"), Instant.parse("2026-12-07T10:30:00Z"));
        AuditLogEntry rotation = read.entries().get(0);
        assertThat(rotation.isRotation()).isTrue();
        assertThat(rotation.context()).isEqualTo("dash");
        assertThat(rotation.email()).isEqualTo("dana@example.com");
        assertThat(read.entries().get(1).tokenName()).isEqualTo("terraform-ci");
        wireMock.verify(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("since", equalTo("2026-12-07T10:00:00Z"))
            .withQueryParam("before", equalTo("2026-12-07T11:00:00Z"))
            .withQueryParam("direction", equalTo("asc"))
            .withHeader("Authorization", equalTo("Bearer audit-log-test-token")));
    }

    @Test
    void noMorePagesThanAskedFor() {
        wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(json(200, envelope("", "\"cursor\": \"more\""))));

        assertThat(client().widgetEntries(ACCOUNT, SINCE, BEFORE, 1).calls()).isEqualTo(1);
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void theDashboardsOwnTokenNamesNoChangeAndIsVerifiedOncePerAccount() {
        ownTokenIs("t1");
        wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(json(200, envelope(
                entry("2026-12-07T10:30:00Z", "PUT", WIDGET_URI, "0x4AAAAAAAshop", "api_token", "turnstile-admin") + ","
                        + entry("2026-12-07T10:31:00Z", "PUT", WIDGET_URI, "0x4AAAAAAAshop", "dash", null),
                "\"cursor\": \"\""))));
        CloudflareAuditLogClient client = client();

        AccountAuditLogs.Read first = client.widgetEntries(ACCOUNT, SINCE, BEFORE, 2);
        AccountAuditLogs.Read second = client.widgetEntries(ACCOUNT, SINCE, BEFORE, 2);

        assertThat(first.entries()).extracting(AuditLogEntry::context).containsExactly("dash");
        assertThat(first.calls()).isEqualTo(2);
        assertThat(second.entries()).extracting(AuditLogEntry::context).containsExactly("dash");
        assertThat(second.calls()).isEqualTo(1);
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/client/v4/user/tokens/verify")));
    }

    @Test
    void aTokenTheAccountOwnsIsVerifiedAtTheAccount() {
        wireMock.stubFor(get(urlPathEqualTo("/client/v4/user/tokens/verify")).willReturn(json(401, """
                {"success": false, "errors": [{"code": 1000, "message": "Invalid API Token"}],
                 "messages": [], "result": null}""")));
        wireMock.stubFor(get(urlPathEqualTo("/client/v4/accounts/" + ACCOUNT.value() + "/tokens/verify"))
            .willReturn(json(200, TOKEN_STATUS.formatted("t1"))));
        wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(json(200,
                envelope(entry("2026-12-07T10:30:00Z", "PUT", WIDGET_URI, "0x4AAAAAAAshop", "api_token", "mine"),
                        "\"cursor\": \"\""))));

        AccountAuditLogs.Read read = client().widgetEntries(ACCOUNT, SINCE, BEFORE, 3);

        assertThat(read.entries()).isEmpty();
        assertThat(read.calls()).isEqualTo(3);
    }

    @Test
    void withOneCallItIsSpentOnTheEntries() {
        wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(json(200,
                envelope(entry("2026-12-07T10:30:00Z", "PUT", WIDGET_URI, "0x4AAAAAAAshop", "api_token", "mine"),
                        "\"cursor\": \"\""))));

        AccountAuditLogs.Read read = client().widgetEntries(ACCOUNT, SINCE, BEFORE, 1);

        assertThat(read.entries()).hasSize(1);
        wireMock.verify(0, getRequestedFor(urlPathEqualTo("/client/v4/user/tokens/verify")));
    }

    @Test
    void withoutThePermissionItIsARefusal() {
        wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(json(403, """
                {"success": false, "errors": [{"code": 10000, "message": "Authentication error"}],
                 "messages": [], "result": null}""")));

        CloudflareApiException refused = catchThrowableOfType(CloudflareApiException.class,
                () -> client().widgetEntries(ACCOUNT, SINCE, BEFORE, 1));

        assertThat(refused.isAuthenticationFailure()).isTrue();
    }

    private static final String WIDGET_URI = "/client/v4/accounts/" + ACCOUNT.value()
            + "/challenges/widgets/0x4AAAAAAAshop";

    private static final String TOKEN_STATUS = """
            {"success": true, "errors": [], "messages": [], "result": {"id": "%s", "status": "active"}}""";

    private static void ownTokenIs(String id) {
        wireMock.stubFor(
                get(urlPathEqualTo("/client/v4/user/tokens/verify")).willReturn(json(200, TOKEN_STATUS.formatted(id))));
    }

    private static String envelope(String entries, String resultInfo) {
        return "{\"success\": true, \"errors\": [], \"messages\": [], \"result\": [" + entries
                + "], \"result_info\": {\"count\": 1, " + resultInfo + "}}";
    }

    private static String entry(String time, String method, String uri, String resourceId, String context,
            String tokenName) {
        return """
                {"id": "a1", "account": {"id": "%s", "name": "Acme"},
                 "action": {"description": "Update a Turnstile Widget", "result": "success", "time": "%s",
                            "type": "update"},
                 "actor": {"id": "u1", "context": "%s", "email": "dana@example.com", "ip_address": "203.0.113.7",
                           "token_id": %s, "token_name": %s, "type": "user"},
                 "raw": {"cf_ray_id": "r", "method": "%s", "status_code": 200, "uri": "%s", "user_agent": "x"},
                 "resource": {"id": "%s", "product": "turnstile", "type": "widget"}, "zone": {}}""".formatted(
                ACCOUNT.value(), time, context, tokenName == null ? "null" : "\"t1\"",
                tokenName == null ? "null" : "\"" + tokenName + "\"", method, uri, resourceId);
    }

    private static CloudflareAuditLogClient client() {
        CloudflareAccounts accounts = new CloudflareAccounts(URI.create(wireMock.baseUrl() + "/client/v4"), List
            .of(new CloudflareAccount(ACCOUNT, "Test account", new Credentials.ApiToken("audit-log-test-token"))),
                false);
        return new CloudflareAuditLogClient(WebClient.builder(), accounts,
                new CloudflareClientProperties(Duration.ofSeconds(2), Duration.ofSeconds(5),
                        new CloudflareClientProperties.Retry(2, Duration.ofMillis(10), Duration.ofMillis(50),
                                Duration.ofSeconds(2), Duration.ofSeconds(10))),
                HttpClientSettings.defaults(), new SimpleMeterRegistry());
    }

}
