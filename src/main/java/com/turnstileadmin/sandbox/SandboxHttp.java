package com.turnstileadmin.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading requests from and writing answers to the JDK's HTTP server, as Cloudflare's API
 * would.
 */
final class SandboxHttp {

    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private final JsonMapper mapper = JsonMapper.builder().build();

    /**
     * What the sandbox answers: a JSON envelope, or (for an injected edge failure) an
     * HTML page.
     *
     * @param retryAfter the {@code Retry-After} header, if any
     */
    record Answer(int status, Map<String, Object> json, @Nullable String retryAfter, @Nullable String html) {

        static Answer json(int status, Map<String, Object> json) {
            return new Answer(status, json, null, null);
        }
    }

    /** The request's JSON body, or {@code null} when it has none. */
    @Nullable JsonNode body(HttpExchange exchange) {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw SandboxError.badRequest("The request body is too large");
            }
            return bytes.length == 0 ? null : mapper.readTree(bytes);
        }
        catch (JacksonException e) {
            throw SandboxError.badRequest("The request body is not valid JSON");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON body as plain maps, lists and values, to keep beside an answer. */
    Object plain(JsonNode json) {
        return mapper.treeToValue(json, Object.class);
    }

    /** The query parameters, decoded; the first of repeated ones wins. */
    static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> parameters = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] body;
        if (answer.html() != null) {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            body = answer.html().getBytes(StandardCharsets.UTF_8);
        }
        else {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            body = mapper.writeValueAsBytes(answer.json());
        }
        if (answer.retryAfter() != null) {
            exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
        }
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
    }

}
