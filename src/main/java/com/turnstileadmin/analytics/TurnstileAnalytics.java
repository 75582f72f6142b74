package com.turnstileadmin.analytics;

import com.turnstileadmin.account.AccountId;

/**
 * The port to Cloudflare's GraphQL Analytics API for Turnstile (dataset
 * {@code turnstileAdaptiveGroups}). Each method is one call to Cloudflare, never retried
 * beyond the adapter's read retries, never cached: {@link WidgetAnalyticsService} caches
 * and budgets them.
 *
 * <p>
 * Failures are typed as the widget calls' are: {@link AnalyticsRefusedException} when
 * Cloudflare answered with GraphQL errors (a missing permission among them), and
 * {@link com.turnstileadmin.widget.CloudflareUnavailableException} when it could not be
 * reached or its answer was unusable.
 */
public interface TurnstileAnalytics {

    /**
     * What the account's analytics offer: its fields, longest range, history, page size.
     */
    AnalyticsSettings settings(AccountId account);

    /**
     * The account's events in the query's range, per sitekey and event type (per time
     * bucket when the query names one), and the top values of the breakdowns it asks for.
     */
    TrafficReport traffic(AccountId account, TrafficQuery query);

}
