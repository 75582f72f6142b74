package com.turnstileadmin.web;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.analytics.AnalyticsWindow;
import com.turnstileadmin.analytics.web.AnalyticsPaths;
import com.turnstileadmin.audit.web.AuditPaths;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.web.WidgetPaths;
import org.springframework.stereotype.Component;

/**
 * The app's URLs for the templates, as {@code @paths}. Each is a path within the app,
 * worked out by the feature it belongs to ({@link WidgetPaths}, {@link AuditPaths}); a
 * template renders it through a link expression, which adds the context path, so that the
 * pages work under {@code server.servlet.context-path}. Thymeleaf does not let a link
 * (nor {@code th:href}) name a bean, so a page takes the path into a variable first:
 * {@code th:with="links=${@paths.widget(account.id, widget.sitekey)}"
 * th:href="@{${links.edit}}"}. The layout needs them on every page, error pages included,
 * which no controller's model reaches: hence a bean.
 */
@Component("paths")
public final class Paths {

    public String widgets(AccountId account) {
        return WidgetPaths.list(account);
    }

    public String newWidget(AccountId account) {
        return WidgetPaths.newWidget(account);
    }

    public String validate(AccountId account) {
        return WidgetPaths.validate(account);
    }

    public WidgetPaths.OfWidget widget(AccountId account, Sitekey sitekey) {
        return WidgetPaths.of(account, sitekey);
    }

    public String audit(AccountId account) {
        return AuditPaths.page(account);
    }

    /** The audit trail filtered by one widget: all of its history. */
    public String auditOf(AccountId account, Sitekey sitekey) {
        return AuditPaths.ofWidget(account, sitekey.value());
    }

    /** A widget's health panel for the last 24 hours. */
    public String health(AccountId account, Sitekey sitekey) {
        return AnalyticsPaths.widget(account, sitekey, AnalyticsWindow.LAST_24_HOURS);
    }

    /** A widget's health panel for the window. */
    public String health(AccountId account, Sitekey sitekey, AnalyticsWindow window) {
        return AnalyticsPaths.widget(account, sitekey, window);
    }

    /** The list's sparkline cells. */
    public String trends(AccountId account) {
        return AnalyticsPaths.trends(account);
    }

    /** Every account's widgets, the most troubled first. */
    public String widgetHealth() {
        return AnalyticsPaths.OVERVIEW;
    }

}
