package com.turnstileadmin.widget;

/**
 * A Cloudflare call that did not succeed. Messages name the operation and the HTTP
 * status, never a credential or a secret.
 */
public abstract sealed class CloudflareException extends RuntimeException
        permits CloudflareApiException, CloudflareUnavailableException {

    private final String operation;

    protected CloudflareException(String operation, String message, Throwable cause) {
        super(message, cause);
        this.operation = operation;
    }

    /** Which call failed, e.g. {@code list widgets}. */
    public String operation() {
        return operation;
    }

}
