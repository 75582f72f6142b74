package com.turnstileadmin.analytics.web;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.analytics.AnalyticsWindow;
import com.turnstileadmin.widget.Sitekey;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The analytics pages' paths within the app (see {@link com.turnstileadmin.web.Paths}).
 */
public final class AnalyticsPaths {

    public static final String OVERVIEW = "/widget-health";

    static final String WIDGET = "/accounts/{accountId}/widgets/{sitekey}/health";

    static final String TRENDS = "/accounts/{accountId}/analytics/trends";

    private AnalyticsPaths() {
    }

    /** A widget's health panel (a page of its own without JavaScript) for the window. */
    public static String widget(AccountId account, Sitekey sitekey, AnalyticsWindow window) {
        return UriComponentsBuilder.fromPath(WIDGET)
            .queryParam("window", window.key())
            .buildAndExpand(account.value(), sitekey.value())
            .toUriString();
    }

    /**
     * The sparklines of the list's rows; the sitekeys travel as {@code sitekey}
     * parameters.
     */
    public static String trends(AccountId account) {
        return UriComponentsBuilder.fromPath(TRENDS).buildAndExpand(account.value()).toUriString();
    }

}
