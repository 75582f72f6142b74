package com.turnstileadmin.account;

import java.util.Objects;

/**
 * One Cloudflare account the app may manage widgets in.
 *
 * @param plan its Turnstile plan, when configured; {@link AccountPlan#UNKNOWN} otherwise
 */
public record CloudflareAccount(AccountId id, String displayName, Credentials credentials, AccountPlan plan) {

    public CloudflareAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(plan, "plan");
    }

    /** An account whose plan is not known. */
    public CloudflareAccount(AccountId id, String displayName, Credentials credentials) {
        this(id, displayName, credentials, AccountPlan.UNKNOWN);
    }
}
