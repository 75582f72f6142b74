package com.turnstileadmin.account;

import java.util.Objects;

/**
 * How the app authenticates to Cloudflare for one account. No {@code toString()} shows a
 * token or a key, so credentials that reach a log line by mistake are not leaked there.
 */
public sealed interface Credentials {

    /**
     * An API token, sent as {@code Authorization: Bearer}. Cloudflare's preferred scheme.
     */
    record ApiToken(String token) implements Credentials {

        public ApiToken {
            requireText(token, "API token");
        }

        @Override
        public String toString() {
            return "ApiToken[redacted]";
        }
    }

    /**
     * The legacy e-mail address and global API key, sent as {@code X-Auth-Email} and
     * {@code X-Auth-Key}.
     */
    record GlobalApiKey(String email, String key) implements Credentials {

        public GlobalApiKey {
            requireText(email, "API e-mail");
            requireText(key, "API key");
        }

        @Override
        public String toString() {
            return "GlobalApiKey[email=" + email + ", key=redacted]";
        }
    }

    private static void requireText(String value, String what) {
        if (Objects.requireNonNull(value, what).isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }

}
