package com.turnstileadmin.reconcile;

import com.turnstileadmin.widget.WidgetSecret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What the reconciler keeps of a secret to tell that it changed: its SHA-256, never the
 * secret. A secret is a long random string, so its digest gives nothing of it away.
 */
final class SecretDigest {

    private SecretDigest() {
    }

    static String of(WidgetSecret secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(secret.value().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

}
