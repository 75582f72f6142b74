package com.turnstileadmin.sandbox;

import org.jspecify.annotations.Nullable;

/**
 * A request the sandbox refuses, answered as Cloudflare does: an HTTP status and an
 * envelope with {@code success: false} and one error.
 */
final class SandboxError extends RuntimeException {

    // Turnstile's error codes are not documented; these follow Cloudflare's general ones.
    static final int MISSING_AUTH = 10001;
    static final int AUTH_FAILED = 10000;
    static final int NO_ROUTE = 7003;
    static final int METHOD_NOT_ALLOWED = 10405;
    static final int INVALID_REQUEST = 10400;
    static final int INVALID_FIELD = 10401;
    static final int ENTERPRISE_ONLY = 10402;
    static final int NOT_FOUND = 10404;
    static final int ROTATION_IN_GRACE_PERIOD = 10406;
    static final int RATE_LIMITED = 10429;
    static final int INTERNAL = 10500;

    private final int status;

    private final int code;

    private final @Nullable String pointer;

    SandboxError(int status, int code, String message, @Nullable String pointer) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.pointer = pointer;
    }

    static SandboxError badRequest(String message) {
        return new SandboxError(400, INVALID_REQUEST, message, null);
    }

    static SandboxError invalidField(String pointer, String message) {
        return new SandboxError(400, INVALID_FIELD, message, pointer);
    }

    static SandboxError notFound(String sitekey) {
        return new SandboxError(404, NOT_FOUND, "Widget " + sitekey + " not found", null);
    }

    int status() {
        return status;
    }

    int code() {
        return code;
    }

    @Nullable String pointer() {
        return pointer;
    }

}
