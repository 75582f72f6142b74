package com.turnstileadmin.account;

import java.util.Objects;

/** One Cloudflare account the app may manage widgets in. */
public record CloudflareAccount(AccountId id, String displayName, Credentials credentials) {

    public CloudflareAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(credentials, "credentials");
    }
}
