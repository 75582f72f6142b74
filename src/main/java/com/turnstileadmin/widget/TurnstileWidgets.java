package com.turnstileadmin.widget;

import com.turnstileadmin.account.AccountId;

/**
 * The Cloudflare Turnstile widget API, as the rest of the app sees it: six operations on
 * one account's widgets, in domain types, and a probe of an account. Each call is exactly
 * one request to Cloudflare (plus automatic retries of failed reads, except the probe's),
 * except that the app's adapter answers an identical list read within a short window from
 * the same request ({@code cloudflare.shared-reads}).
 *
 * <p>
 * Every method throws {@link CloudflareApiException} when Cloudflare refuses the request,
 * {@link CloudflareUnavailableException} when it cannot be reached or answers with
 * nonsense, and {@link com.turnstileadmin.account.UnknownAccountException} (without
 * calling Cloudflare) for an account that is not configured.
 */
public interface TurnstileWidgets {

    WidgetPage list(AccountId account, WidgetQuery query);

    /**
     * The first few widgets of the account, in one request that is never retried: whether
     * Cloudflare answers for the account and accepts its credentials, at the cost of
     * exactly one call of the shared rate limit. Throws as {@link #list} does.
     */
    default WidgetPage probe(AccountId account) {
        return list(account, WidgetQuery.smallestPage());
    }

    WidgetWithSecret get(AccountId account, Sitekey sitekey);

    WidgetWithSecret create(AccountId account, WidgetSettings settings);

    /**
     * Replaces every setting of the widget: send the current values of whatever is not
     * meant to change.
     */
    WidgetWithSecret update(AccountId account, Sitekey sitekey, WidgetSettings settings);

    /** Deletes the widget and returns it as it was. */
    Widget delete(AccountId account, Sitekey sitekey);

    /**
     * Gives the widget a new secret. Unless {@code invalidateImmediately}, the previous
     * secret stays valid for two hours, and Cloudflare refuses another rotation during
     * that time.
     */
    WidgetWithSecret rotateSecret(AccountId account, Sitekey sitekey, boolean invalidateImmediately);

}
