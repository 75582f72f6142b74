package com.turnstileadmin.account;

/**
 * An account id that is not among the configured accounts: the app never calls Cloudflare
 * for it.
 */
public class UnknownAccountException extends RuntimeException {

    public UnknownAccountException(AccountId id) {
        super("Account " + id + " is not configured");
    }

}
