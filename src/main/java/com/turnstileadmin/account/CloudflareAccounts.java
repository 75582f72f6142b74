package com.turnstileadmin.account;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The accounts the app may reach and where their API lives: Cloudflare itself, a proxy or
 * mock, or the built-in sandbox. Only these accounts can ever be called.
 */
public final class CloudflareAccounts {

    private final URI apiBaseUrl;

    private final Map<AccountId, CloudflareAccount> accounts = new LinkedHashMap<>();

    private final boolean sandbox;

    public CloudflareAccounts(URI apiBaseUrl, List<CloudflareAccount> accounts, boolean sandbox) {
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("At least one Cloudflare account is needed");
        }
        this.apiBaseUrl = apiBaseUrl;
        for (CloudflareAccount account : accounts) {
            if (this.accounts.putIfAbsent(account.id(), account) != null) {
                throw new IllegalArgumentException("Account " + account.id() + " is configured twice");
            }
        }
        this.sandbox = sandbox;
    }

    /** The API's base URL, e.g. {@code https://api.cloudflare.com/client/v4}. */
    public URI apiBaseUrl() {
        return apiBaseUrl;
    }

    /**
     * Whether the accounts are the built-in sandbox's rather than real Cloudflare
     * accounts.
     */
    public boolean isSandbox() {
        return sandbox;
    }

    public List<CloudflareAccount> all() {
        return List.copyOf(accounts.values());
    }

    public CloudflareAccount first() {
        return accounts.values().iterator().next();
    }

    public Optional<CloudflareAccount> find(AccountId id) {
        return Optional.ofNullable(accounts.get(id));
    }

    public CloudflareAccount get(AccountId id) {
        return find(id).orElseThrow(() -> new UnknownAccountException(id));
    }

}
