package com.turnstileadmin.security;

/**
 * The OIDC provider could not be reached, or its discovery document was unusable. Sign-in
 * then shows a page with a way to try again; the app stays up and tries the provider
 * again next time.
 */
public class IdentityProviderUnavailableException extends RuntimeException {

    private final String issuer;

    IdentityProviderUnavailableException(String issuer, Throwable cause) {
        super("The sign-in provider " + issuer + " could not be reached or gave no usable discovery document", cause);
        this.issuer = issuer;
    }

    /**
     * The configured issuer URI (not secret: it is in every token and on every sign-in
     * page).
     */
    public String issuer() {
        return issuer;
    }

}
