package com.turnstileadmin.widget;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Cloudflare understood the request and refused it (a 4xx answer, or
 * {@code success: false}), with its own codes and messages. Retrying the same request
 * will not help.
 */
public final class CloudflareApiException extends CloudflareException {

    private final int status;

    private final List<CloudflareError> errors;

    public CloudflareApiException(String operation, int status, List<CloudflareError> errors) {
        super(operation, describe(operation, status, errors), null);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public List<CloudflareError> errors() {
        return errors;
    }

    public boolean isNotFound() {
        return status == 404;
    }

    /** Whether the configured token or key was refused. */
    public boolean isAuthenticationFailure() {
        return status == 401 || status == 403;
    }

    private static String describe(String operation, int status, List<CloudflareError> errors) {
        String details = errors.isEmpty() ? "no error details"
                : errors.stream().map(e -> e.code() + " " + e.message()).collect(Collectors.joining("; "));
        return "Cloudflare refused to " + operation + " (HTTP " + status + "): " + details;
    }

}
