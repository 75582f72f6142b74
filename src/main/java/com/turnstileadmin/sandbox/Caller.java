package com.turnstileadmin.sandbox;

import org.jspecify.annotations.Nullable;

/**
 * Who made a request the sandbox accepted, as its audit log entries name them
 * ({@code actor}) and how they called ({@code raw.user_agent}).
 *
 * @param context {@code api_token} or, for the legacy e-mail and key, {@code api_key}
 * @param token the token, for {@code api_token}
 */
record Caller(String context, @Nullable SandboxToken token, String ipAddress, @Nullable String userAgent) {

    static final String API_TOKEN = "api_token";

    static final String API_KEY = "api_key";

}
