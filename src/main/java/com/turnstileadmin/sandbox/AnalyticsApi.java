package com.turnstileadmin.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.turnstileadmin.sandbox.SandboxHttp.Answer;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.NonNullableFieldWasNullError;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox's GraphQL Analytics endpoint ({@code POST /graphql}): runs the query
 * against {@link AnalyticsSchema} and answers as Cloudflare does, always HTTP 200, with
 * {@code data} and {@code errors}. With any error {@code data} is {@code null}; each
 * error has its message, its path as strings and {@code extensions} with a {@code code}
 * (ours, or graphql-java's classification such as {@code ValidationError}) and a
 * {@code timestamp}.
 */
final class AnalyticsApi {

    static final String PATH = SandboxServer.BASE_PATH + "/graphql";

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final JsonMapper mapper = JsonMapper.builder().build();

    private final List<SandboxAccount> accounts;

    private final AnalyticsAccess access;

    private final SandboxHttp http;

    private final Clock clock;

    AnalyticsApi(List<SandboxAccount> accounts, AnalyticsAccess access, SandboxHttp http, Clock clock) {
        this.accounts = accounts;
        this.access = access;
        this.http = http;
        this.clock = clock;
    }

    /** The answer to a request the server has authenticated. */
    Answer answer(HttpExchange exchange) {
        if (!exchange.getRequestMethod().equals("POST")) {
            throw new SandboxError(405, SandboxError.METHOD_NOT_ALLOWED, "Method not allowed", null);
        }
        JsonNode body = http.body(exchange);
        Instant now = clock.instant();
        if (body == null || !body.isObject() || !body.path("query").isString()) {
            return Answer.json(200, refused("the request body must be a JSON object with a query", now));
        }
        JsonNode variables = body.path("variables");
        JsonNode operationName = body.path("operationName");
        ExecutionResult result = AnalyticsSchema.execute(body.path("query").stringValue(),
                variables.isObject() ? mapper.treeToValue(variables, OBJECT) : Map.of(),
                operationName.isString() ? operationName.stringValue() : null,
                new AnalyticsRequest(accounts, access, now));
        return Answer.json(200, response(result, now));
    }

    private static Map<String, Object> response(ExecutionResult result, Instant now) {
        List<GraphQLError> errors = result.getErrors();
        // A refused field nulls its parents up to viewer; graphql-java says so in
        // errors of its own, which Cloudflare's answers do not have.
        List<GraphQLError> told = errors.stream()
            .filter(error -> !(error instanceof NonNullableFieldWasNullError))
            .toList();
        List<Map<String, Object>> json = new ArrayList<>();
        for (GraphQLError error : told.isEmpty() ? errors : told) {
            Object code = error.getExtensions() == null ? null : error.getExtensions().get("code");
            if (code == null) {
                code = error.getErrorType() != null ? error.getErrorType().toString() : AnalyticsRefusal.BAD_REQUEST;
            }
            json.add(error(error.getMessage(), error.getPath(), code, now));
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("data", json.isEmpty() ? result.getData() : null);
        response.put("errors", json.isEmpty() ? null : json);
        return response;
    }

    private static Map<String, Object> refused(String message, Instant now) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("data", null);
        response.put("errors", List.of(error(message, null, AnalyticsRefusal.BAD_REQUEST, now)));
        return response;
    }

    private static Map<String, Object> error(String message, @Nullable List<Object> path, Object code, Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("message", message);
        if (path != null && !path.isEmpty()) {
            json.put("path", path.stream().map(String::valueOf).toList());
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        extensions.put("timestamp", now.toString());
        json.put("extensions", extensions);
        return json;
    }

    /** Whether the request is for this endpoint rather than the widget API. */
    static boolean routes(HttpExchange exchange) {
        String path = exchange.getRequestURI().getRawPath();
        return path.equals(PATH) || path.equals(PATH + "/");
    }

}
