package com.turnstileadmin.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.turnstileadmin.sandbox.SandboxHttp.Answer;
import java.util.Map;

/**
 * {@code GET /user/tokens/verify}, which tools call to check their token (and which tells
 * a client its token's id, the one its audit log entries give).
 */
final class TokenVerifyApi {

    private static final String PATH = SandboxServer.BASE_PATH + "/user/tokens/verify";

    private TokenVerifyApi() {
    }

    static boolean routes(HttpExchange exchange) {
        String path = exchange.getRequestURI().getRawPath();
        return path.equals(PATH) || path.equals(PATH + "/");
    }

    static Answer answer(HttpExchange exchange, Caller caller) {
        if (!exchange.getRequestMethod().equals("GET")) {
            throw new SandboxError(405, SandboxError.METHOD_NOT_ALLOWED, "Method not allowed", null);
        }
        if (caller.token() == null) {
            throw SandboxError.badRequest("Only an API token can be verified, not a global API key");
        }
        return Answer.json(200, SandboxJson.success(Map.of("id", caller.token().id(), "status", "active")));
    }

}
