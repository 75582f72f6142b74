package com.turnstileadmin.sandbox;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A widget as the sandbox keeps it: the state Cloudflare would hold, including the
 * previous secret during a rotation's grace period. Immutable; a change makes a new one.
 *
 * @param id the creation sequence number, for {@code order=id}
 * @param previousSecret the secret before the latest rotation, still valid during the
 * grace period (Cloudflare keeps it; a siteverify simulation would accept it)
 * @param previousSecretValidUntil the end of the grace period, or {@code null} when there
 * is none
 */
record SandboxWidget(long id, String sitekey, String secret, @Nullable String previousSecret,
        @Nullable Instant previousSecretValidUntil, WidgetInput settings, Instant createdOn, Instant modifiedOn,
        @Nullable String deployedVia, @Nullable String lastModifiedVia) {

    SandboxWidget withSettings(WidgetInput newSettings, Instant now) {
        return new SandboxWidget(id, sitekey, secret, previousSecret, previousSecretValidUntil, newSettings, createdOn,
                now, deployedVia, "api");
    }

    SandboxWidget withSecret(String newSecret, @Nullable String previous, @Nullable Instant validUntil, Instant now) {
        return new SandboxWidget(id, sitekey, newSecret, previous, validUntil, settings, createdOn, now, deployedVia,
                "api");
    }

    boolean inGracePeriod(Instant now) {
        return previousSecretValidUntil != null && now.isBefore(previousSecretValidUntil);
    }

    String name() {
        return settings.name();
    }

    List<String> domains() {
        return settings.domains();
    }

    @Override
    public String toString() {
        return "SandboxWidget[sitekey=" + sitekey + ", name=" + settings.name() + "]";
    }
}
