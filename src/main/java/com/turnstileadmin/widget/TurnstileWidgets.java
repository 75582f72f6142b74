package com.turnstileadmin.widget;

import java.time.Duration;

import com.turnstileadmin.account.AccountId;

/**
 * The Cloudflare Turnstile widget API, as the rest of the app sees it: six operations on
 * one account's widgets, in domain types, and a probe of an account. Each call is exactly
 * one request to Cloudflare (plus automatic retries of failed reads, except the probe's),
 * except that the app's adapter answers an identical {@link #list} or {@link #widget}
 * read within a short window from the same request ({@code cloudflare.shared-reads}, 2 s
 * at most).
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
     * How old a shared answer of {@link #list} or {@link #widget} may be: the shared
     * reads' window; none without sharing.
     */
    default Duration sharedAnswerAge() {
        return Duration.ZERO;
    }

    /**
     * The first few widgets of the account, in one request that is never retried: whether
     * Cloudflare answers for the account and accepts its credentials, at the cost of
     * exactly one call of the shared rate limit. Throws as {@link #list} does.
     */
    default WidgetPage probe(AccountId account) {
        return list(account, WidgetQuery.smallestPage());
    }

    /**
     * The widget with its secret as Cloudflare has it at this moment: always a call of
     * its own, never an answer shared with another read. For revealing the secret (each
     * reveal is recorded for its user) and for the check right before an edit is written
     * that nobody changed the widget meanwhile, which a shared answer, up to the window
     * old, could miss.
     */
    WidgetWithSecret get(AccountId account, Sitekey sitekey);

    /**
     * The widget without its secret, for the pages that show none (its page, the edit
     * form, the rotate and delete dialogs). The app's adapter may answer it from an
     * identical read of any user of this instance in flight or a moment old (at most
     * {@code cloudflare.shared-reads.window}, and never from before this instance's last
     * write to the account): never use it for a check before a write, which needs
     * {@link #get}.
     */
    default Widget widget(AccountId account, Sitekey sitekey) {
        return get(account, sitekey).widget();
    }

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
