package com.turnstileadmin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox's GraphQL Analytics endpoint over plain HTTP, as Cloudflare answers it: the
 * settings per plan, its refusals (range, history, page size, syntax, unknown fields),
 * the permission and the account check, with the app's own documents.
 */
class SandboxAnalyticsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T08:20:00Z"));

    private final SandboxFaults faults = new SandboxFaults(SandboxProperties.Faults.NONE);

    private final SandboxServer sandbox = SandboxServer
        .start(new SandboxProperties(40, 12, 0, SandboxProperties.Faults.NONE, true), faults, clock);

    private final AnalyticsClient analytics = new AnalyticsClient(sandbox);

    private final Instant now = clock.instant();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void settingsOfferEveryDimensionOfTheSchemaAndThePlansHistory() throws IOException {
        JsonNode free = analytics.data(AnalyticsClient.SETTINGS, AnalyticsClient.settings(sandbox.accountId()))
            .get("settings")
            .get("turnstileAdaptiveGroups");
        JsonNode enterprise = analytics
            .data(AnalyticsClient.SETTINGS, AnalyticsClient.settings(sandbox.enterpriseAccountId()))
            .get("settings")
            .get("turnstileAdaptiveGroups");

        List<String> expected = new ArrayList<>(List.of("count", "avg.sampleInterval"));
        schemaDimensions().forEach(name -> expected.add("dimensions." + name));
        for (JsonNode settings : List.of(free, enterprise)) {
            assertThat(settings.get("enabled").booleanValue()).isTrue();
            assertThat(strings(settings.get("availableFields"))).isEqualTo(expected);
            assertThat(settings.get("maxDuration").longValue()).isEqualTo(608_400);
            assertThat(settings.get("maxNumberOfFields").longValue()).isEqualTo(30);
            assertThat(settings.get("maxPageSize").longValue()).isEqualTo(10_000);
        }
        assertThat(expected).contains("dimensions.asn", "dimensions.datetimeFifteenMinutes");
        assertThat(free.get("notOlderThan").longValue()).isEqualTo(604_800);
        assertThat(enterprise.get("notOlderThan").longValue()).isEqualTo(2_592_000);
    }

    @Test
    void aRangeLongerThanTheMaximumIsRefusedOnEveryAliasAsked() {
        Map<String, Object> variables = AnalyticsClient.traffic(sandbox.enterpriseAccountId(),
                now.minus(Duration.ofDays(8)), now);
        variables.put("topHostnames", true);

        JsonNode answer = analytics.query(AnalyticsClient.TRAFFIC, variables);

        assertThat(answer.get("data").isNull()).isTrue();
        assertThat(answer.get("errors")).hasSize(2);
        assertRefused(answer.get("errors").get(0), "the query time range is too large", "series");
        assertRefused(answer.get("errors").get(1), "the query time range is too large", "hostnames");
    }

    @Test
    void dataOlderThanThePlansHistoryIsRefused() {
        Instant eightDaysAgo = now.minus(Duration.ofDays(8));
        Map<String, Object> free = AnalyticsClient.traffic(sandbox.accountId(), eightDaysAgo,
                eightDaysAgo.plus(Duration.ofDays(1)));
        Map<String, Object> enterprise = AnalyticsClient.traffic(sandbox.enterpriseAccountId(), eightDaysAgo,
                eightDaysAgo.plus(Duration.ofDays(1)));

        JsonNode refused = analytics.query(AnalyticsClient.TRAFFIC, free);

        assertThat(refused.get("data").isNull()).isTrue();
        assertRefused(refused.get("errors").get(0), "cannot request data older than 604800s", "series");
        assertThat(analytics.data(AnalyticsClient.TRAFFIC, enterprise).get("series")).isNotEmpty();
    }

    @Test
    void aLimitAboveTheMaximumPageSizeIsRefused() {
        Map<String, Object> variables = AnalyticsClient.traffic(sandbox.accountId(), now.minus(Duration.ofDays(1)),
                now);
        variables.put("limit", 10_001);

        JsonNode answer = analytics.query(AnalyticsClient.TRAFFIC, variables);

        assertThat(answer.get("data").isNull()).isTrue();
        assertRefused(answer.get("errors").get(0), "limit must be at most 10000", "series");
    }

    @Test
    void syntaxErrorsUnknownFieldsAndBadVariablesAreGraphqlErrorsOverHttp200() {
        JsonNode syntax = analytics.query("{ viewer { accounts(filter: {accountTag: \"x\"}) {", Map.of());
        JsonNode unknownField = analytics.query(
                "query($a: string!) { viewer { accounts(filter: {accountTag: $a}) { zones { count } } } }",
                Map.of("a", sandbox.accountId().value()));
        Map<String, Object> badTime = AnalyticsClient.traffic(sandbox.accountId(), now, now);
        badTime.put("start", "yesterday");
        JsonNode badVariable = analytics.query(AnalyticsClient.TRAFFIC, badTime);

        assertThat(syntax.get("data").isNull()).isTrue();
        assertThat(syntax.get("errors").get(0).get("extensions").get("code").stringValue()).isEqualTo("InvalidSyntax");
        assertThat(unknownField.get("data").isNull()).isTrue();
        assertThat(unknownField.get("errors").get(0).get("message").stringValue()).contains("zones");
        assertThat(unknownField.get("errors").get(0).get("extensions").get("code").stringValue())
            .isEqualTo("ValidationError");
        assertThat(badVariable.get("data").isNull()).isTrue();
        assertThat(badVariable.get("errors").get(0).get("message").stringValue()).contains("yesterday");
    }

    @Test
    void withoutThePermissionEveryQueryIsRefusedButTheWidgetApiStillWorks() throws Exception {
        sandbox.analyticsPermission(false);

        JsonNode settings = analytics.query(AnalyticsClient.SETTINGS, AnalyticsClient.settings(sandbox.accountId()));
        JsonNode traffic = analytics.query(AnalyticsClient.TRAFFIC,
                AnalyticsClient.traffic(sandbox.accountId(), now.minus(Duration.ofDays(1)), now));
        HttpResponse<String> widgets = HttpClient.newHttpClient()
            .send(HttpRequest
                .newBuilder(
                        URI.create(sandbox.apiBaseUrl() + "/accounts/" + sandbox.accountId() + "/challenges/widgets"))
                .header("Authorization", "Bearer " + sandbox.apiToken().token())
                .build(), HttpResponse.BodyHandlers.ofString());

        for (JsonNode answer : List.of(settings, traffic)) {
            assertNotAuthorized(answer);
        }
        assertThat(widgets.statusCode()).isEqualTo(200);
        sandbox.analyticsPermission(true);
        assertThat(analytics.data(AnalyticsClient.SETTINGS, AnalyticsClient.settings(sandbox.accountId()))).isNotNull();
    }

    @Test
    void anAccountTheTokenDoesNotReachIsNotAuthorized() {
        JsonNode answer = analytics.query(AnalyticsClient.SETTINGS,
                Map.of("accountTag", "0123456789abcdef0123456789abcdef"));

        assertNotAuthorized(answer);
    }

    @Test
    void aDimensionTheAccountDoesNotOfferIsNeitherListedNorAnswered() {
        sandbox.withoutDimension("asn");
        Map<String, Object> variables = AnalyticsClient.traffic(sandbox.accountId(), now.minus(Duration.ofDays(1)),
                now);
        variables.put("topAsns", true);

        JsonNode settings = analytics.data(AnalyticsClient.SETTINGS, AnalyticsClient.settings(sandbox.accountId()));
        JsonNode refused = analytics.query(AnalyticsClient.TRAFFIC, variables);
        variables.put("topAsns", false);
        variables.put("topHostnames", true);
        JsonNode withoutAsns = analytics.data(AnalyticsClient.TRAFFIC, variables);

        assertThat(strings(settings.get("settings").get("turnstileAdaptiveGroups").get("availableFields")))
            .doesNotContain("dimensions.asn")
            .contains("dimensions.hostname");
        assertThat(refused.get("data").isNull()).isTrue();
        assertRefused(refused.get("errors").get(0), "dimensions.asn", "asns");
        assertThat(withoutAsns.get("hostnames")).isNotEmpty();
    }

    @Test
    void theEndpointIsGuardedLikeTheWidgetApiAndItsFaultsApply() throws Exception {
        HttpResponse<String> anonymous = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(sandbox.apiBaseUrl() + "/graphql"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ viewer { __typename } }\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        faults.set(SandboxProperties.Faults.NONE.withServerErrorRate(1));
        HttpResponse<String> outage = analytics.post(AnalyticsClient.SETTINGS,
                AnalyticsClient.settings(sandbox.accountId()));

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(outage.statusCode()).isEqualTo(502);
    }

    private static void assertRefused(JsonNode error, String message, String alias) {
        assertThat(error.get("message").stringValue()).contains(message);
        assertThat(strings(error.get("path"))).containsExactly("viewer", "accounts", "0", alias);
        assertThat(error.get("extensions").get("code").stringValue()).isEqualTo("BAD_REQUEST");
        assertThat(error.get("extensions").get("timestamp").stringValue()).isEqualTo("2026-12-07T08:20:00Z");
    }

    /** Exactly Cloudflare's answer to a token without "Account Analytics Read". */
    private static void assertNotAuthorized(JsonNode answer) {
        assertThat(answer.get("data").isNull()).isTrue();
        assertThat(answer.get("errors")).hasSize(1);
        JsonNode error = answer.get("errors").get(0);
        assertThat(error.propertyNames()).containsExactly("message", "path", "extensions");
        assertThat(error.get("message").stringValue()).isEqualTo("not authorized for that account");
        assertThat(strings(error.get("path"))).containsExactly("viewer", "accounts", "0");
        assertThat(error.get("extensions").get("code").stringValue()).isEqualTo("authz");
        assertThat(error.get("extensions").get("timestamp").stringValue()).isEqualTo("2026-12-07T08:20:00Z");
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.stringValue()));
        return values;
    }

    /** The dimensions as the schema file has them, read apart from the sandbox's code. */
    private static List<String> schemaDimensions() throws IOException {
        try (InputStream in = SandboxAnalyticsTest.class.getResourceAsStream("/sandbox/turnstile-analytics.graphqls")) {
            ObjectTypeDefinition dimensions = new SchemaParser()
                .parse(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                .getType("AccountTurnstileAdaptiveGroupsDimensions", ObjectTypeDefinition.class)
                .orElseThrow();
            return dimensions.getFieldDefinitions().stream().map(FieldDefinition::getName).toList();
        }
    }

}
