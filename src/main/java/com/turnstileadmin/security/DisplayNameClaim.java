package com.turnstileadmin.security;

import java.util.Map;

/**
 * Which claim names a signed-in user in the page header and the audit trail: the
 * configured one ({@code OIDC_NAME_CLAIM}) when the provider sends it, else
 * {@code email}, {@code name}, and at last {@code sub}, which every ID token has.
 * Providers differ: Google sends no {@code preferred_username}, Entra ID often no
 * {@code email}.
 */
final class DisplayNameClaim {

    private static final String[] FALLBACKS = { "email", "name", "sub" };

    private DisplayNameClaim() {
    }

    /** The name of the first of these claims that has a non-blank value. */
    static String choose(Map<String, Object> claims, String configured) {
        if (present(claims, configured)) {
            return configured;
        }
        for (String fallback : FALLBACKS) {
            if (present(claims, fallback)) {
                return fallback;
            }
        }
        // Unreachable for a valid ID token, which Spring Security refuses without a
        // subject.
        return "sub";
    }

    private static boolean present(Map<String, Object> claims, String claim) {
        Object value = claims.get(claim);
        return value != null && !value.toString().isBlank();
    }

}
