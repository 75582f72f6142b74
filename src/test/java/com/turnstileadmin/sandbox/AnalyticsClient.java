package com.turnstileadmin.sandbox;

import com.turnstileadmin.account.AccountId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain GraphQL client of the sandbox, for its tests: posts the app's own documents
 * (read from the classpath, as the adapter sends them) with variables, over real HTTP.
 */
final class AnalyticsClient {

    static final String SETTINGS = document("turnstileSettings");

    static final String TRAFFIC = document("turnstileTraffic");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    private final SandboxServer sandbox;

    AnalyticsClient(SandboxServer sandbox) {
        this.sandbox = sandbox;
    }

    /** The traffic document's variables: all flags off, generous limits. */
    static Map<String, Object> traffic(AccountId account, Instant start, Instant end) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("accountTag", account.value());
        variables.put("start", start.toString());
        variables.put("end", end.toString());
        variables.put("siteKeys", null);
        variables.put("eventTypes", null);
        variables.put("limit", 10_000);
        variables.put("topLimit", 10_000);
        for (String flag : List.of("byFifteenMinutes", "byHour", "byDay", "topHostnames", "topActions", "topCountries",
                "topBrowsers", "topAsns")) {
            variables.put(flag, false);
        }
        return variables;
    }

    static Map<String, Object> settings(AccountId account) {
        return Map.of("accountTag", account.value());
    }

    /**
     * The answer's JSON, after checking that it came as HTTP 200, as GraphQL answers do.
     */
    JsonNode query(String document, Map<String, Object> variables) {
        HttpResponse<String> response = post(document, variables);
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** The answer's data, after checking that it has no errors. */
    JsonNode data(String document, Map<String, Object> variables) {
        JsonNode answer = query(document, variables);
        if (!answer.get("errors").isNull()) {
            throw new AssertionError("Errors: " + answer.get("errors"));
        }
        return answer.get("data").get("viewer").get("accounts").get(0);
    }

    HttpResponse<String> post(String document, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.apiBaseUrl() + "/graphql"))
            .header("Authorization", "Bearer " + sandbox.apiToken().token())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String document(String name) {
        try (InputStream in = AnalyticsClient.class.getResourceAsStream("/graphql-documents/" + name + ".graphql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
