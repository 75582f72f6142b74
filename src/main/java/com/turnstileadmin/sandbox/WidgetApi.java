package com.turnstileadmin.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.turnstileadmin.sandbox.SandboxHttp.Answer;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox's Turnstile widget endpoints
 * ({@code /accounts/{id}/challenges/widgets...}): list, create, read, update, delete and
 * rotate a secret, each answered from the account's {@link WidgetStore} in the shape
 * Cloudflare answers. Every write is entered in the account's {@link AuditLog}.
 */
final class WidgetApi {

    private static final Pattern ROUTE = Pattern
        .compile(SandboxServer.BASE_PATH + "/accounts/([^/]+)/challenges/widgets(?:/([^/]+)(/rotate_secret)?)?/?");

    private final List<SandboxAccount> accounts;

    private final SandboxHttp http;

    WidgetApi(List<SandboxAccount> accounts, SandboxHttp http) {
        this.accounts = accounts;
        this.http = http;
    }

    // The operations' summaries in Cloudflare's OpenAPI document, which its audit logs
    // use as their descriptions.
    private static final String CREATED = "Create a Turnstile Widget";

    private static final String UPDATED = "Update a Turnstile Widget";

    private static final String DELETED = "Delete a Turnstile Widget";

    private static final String ROTATED = "Rotate Secret for a Turnstile Widget";

    /** The answer to a request the server has authenticated as the given caller. */
    Answer answer(HttpExchange exchange, Caller caller) {
        Matcher route = ROUTE.matcher(exchange.getRequestURI().getRawPath());
        if (!route.matches()) {
            throw new SandboxError(404, SandboxError.NO_ROUTE, "No route for that URI", null);
        }
        SandboxAccount account = account(route.group(1));
        WidgetStore store = account.store();
        WidgetInputParser parser = account.parser();
        String sitekey = route.group(2);
        boolean rotate = route.group(3) != null;
        String method = exchange.getRequestMethod();
        Written written = new Written(account, exchange, caller, http);
        if (sitekey == null) {
            return switch (method) {
                case "GET" ->
                    Answer.json(200, SandboxJson.listing(store.list(ListRequest.parse(SandboxHttp.query(exchange)))));
                case "POST" -> {
                    JsonNode body = http.body(exchange);
                    yield written.as("create", CREATED, store.create(parser.parse(body, "world")), body);
                }
                default -> throw methodNotAllowed();
            };
        }
        if (rotate) {
            if (!method.equals("POST")) {
                throw methodNotAllowed();
            }
            JsonNode body = http.body(exchange);
            return written.as("create", ROTATED, store.rotateSecret(sitekey, invalidateImmediately(body)), body);
        }
        return switch (method) {
            case "GET" -> Answer.json(200, SandboxJson.success(SandboxJson.widget(store.get(sitekey), true)));
            case "PUT" -> {
                JsonNode body = http.body(exchange);
                yield written.as("update", UPDATED,
                        store.update(sitekey, parser.parse(body, store.get(sitekey).settings().region())), body);
            }
            case "DELETE" -> written.as("delete", DELETED, store.delete(sitekey), null);
            default -> throw methodNotAllowed();
        };
    }

    /** An account of the sandbox, or the 403 for one the credentials do not reach. */
    SandboxAccount account(String id) {
        return SandboxAccount.find(accounts, id);
    }

    /** A write done: its answer, entered in the account's audit log. */
    private record Written(SandboxAccount account, HttpExchange exchange, Caller caller, SandboxHttp http) {

        Answer as(String type, String description, SandboxWidget widget, @Nullable JsonNode request) {
            Map<String, Object> result = SandboxJson.widget(widget, true);
            account.auditLog()
                .record(account,
                        new AuditEntry.WidgetWrite(type, description, exchange.getRequestMethod(),
                                exchange.getRequestURI().getRawPath(), 200, widget.sitekey(),
                                request == null ? null : http.plain(request), result),
                        caller);
            return Answer.json(200, SandboxJson.success(result));
        }

    }

    private static boolean invalidateImmediately(@Nullable JsonNode body) {
        if (body == null || !body.isObject()) {
            throw SandboxError.badRequest("The request body must be a JSON object");
        }
        JsonNode flag = body.get("invalidate_immediately");
        if (flag == null || flag.isNull()) {
            return false;
        }
        if (!flag.isBoolean()) {
            throw SandboxError.invalidField("/invalidate_immediately", "invalidate_immediately must be true or false");
        }
        return flag.booleanValue();
    }

    private static SandboxError methodNotAllowed() {
        return new SandboxError(405, SandboxError.METHOD_NOT_ALLOWED, "Method not allowed", null);
    }

}
