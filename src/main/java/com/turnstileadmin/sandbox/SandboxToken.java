package com.turnstileadmin.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An API token the sandbox accepts, with the id and name that its audit log entries give
 * the writes made with it ({@code actor.token_id}, {@code actor.token_name}), as
 * Cloudflare's do. No {@code toString()} shows its value.
 *
 * @param id 32 hexadecimal characters, like Cloudflare's token ids
 */
record SandboxToken(String id, String name, String value) {

    /** The name of the app's own token in the sandbox's audit logs. */
    static final String APP_TOKEN_NAME = "turnstile-admin";

    /** The app's token: made anew at each start, with a new id. */
    static SandboxToken forTheApp(Keys keys) {
        return new SandboxToken(keys.hexId(), APP_TOKEN_NAME, keys.apiToken());
    }

    /**
     * A fixed token from the settings. Its id is derived from it, so that it stays the
     * same across restarts; a one-way digest, so that the id tells nothing of the token.
     */
    static SandboxToken fixed(String name, String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(("turnstile-admin sandbox token id:" + value).getBytes(StandardCharsets.UTF_8));
            return new SandboxToken(HexFormat.of().formatHex(digest, 0, 16), name, value);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** Whether an {@code Authorization} header carries this token. */
    boolean matches(String authorization) {
        // In constant time, as a server that guards a token should compare it.
        return MessageDigest.isEqual(("Bearer " + value).getBytes(StandardCharsets.UTF_8),
                authorization.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "SandboxToken[id=" + id + ", name=" + name + ", value=redacted]";
    }

}
