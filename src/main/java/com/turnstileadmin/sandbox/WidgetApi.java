package com.turnstileadmin.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.turnstileadmin.sandbox.SandboxHttp.Answer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox's Turnstile widget endpoints
 * ({@code /accounts/{id}/challenges/widgets...}): list, create, read, update, delete and
 * rotate a secret, each answered from the account's {@link WidgetStore} in the shape
 * Cloudflare answers.
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

    /** The answer to a request the server has authenticated. */
    Answer answer(HttpExchange exchange) {
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
        if (sitekey == null) {
            return switch (method) {
                case "GET" ->
                    Answer.json(200, SandboxJson.listing(store.list(ListRequest.parse(SandboxHttp.query(exchange)))));
                case "POST" -> widget(store.create(parser.parse(http.body(exchange), "world")));
                default -> throw methodNotAllowed();
            };
        }
        if (rotate) {
            if (!method.equals("POST")) {
                throw methodNotAllowed();
            }
            return widget(store.rotateSecret(sitekey, invalidateImmediately(http.body(exchange))));
        }
        return switch (method) {
            case "GET" -> widget(store.get(sitekey));
            case "PUT" -> widget(
                    store.update(sitekey, parser.parse(http.body(exchange), store.get(sitekey).settings().region())));
            case "DELETE" -> widget(store.delete(sitekey));
            default -> throw methodNotAllowed();
        };
    }

    /**
     * An account of the sandbox, or the 403 Cloudflare gives for an account the
     * credentials do not reach.
     */
    SandboxAccount account(String id) {
        return accounts.stream()
            .filter(account -> account.id().value().equals(id))
            .findFirst()
            .orElseThrow(() -> new SandboxError(403, SandboxError.AUTH_FAILED, "Authentication error", null));
    }

    private static Answer widget(SandboxWidget widget) {
        return Answer.json(200, SandboxJson.success(SandboxJson.widget(widget, true)));
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
