package com.turnstileadmin.analytics.web;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.analytics.AnalyticsProblem;
import com.turnstileadmin.analytics.AnalyticsWindow;
import com.turnstileadmin.analytics.Breakdown;
import com.turnstileadmin.analytics.WidgetAnalyticsService;
import com.turnstileadmin.security.SignedInUser;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.Widget;
import com.turnstileadmin.widget.WidgetService;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A widget's health: its panel, which the widget's page loads once shown (htmx), and a
 * page of its own for a browser without JavaScript. A failure of the analytics is said in
 * the panel, never as an error page: the widget's page around it keeps working.
 */
@Controller
class WidgetHealthController {

    private final WidgetService widgets;

    private final WidgetAnalyticsService analytics;

    WidgetHealthController(WidgetService widgets, WidgetAnalyticsService analytics) {
        this.widgets = widgets;
        this.analytics = analytics;
    }

    @GetMapping(AnalyticsPaths.WIDGET)
    String health(@PathVariable AccountId accountId, @PathVariable Sitekey sitekey,
            @RequestParam(name = "window", required = false) @Nullable String windowKey, SignedInUser viewer,
            HtmxRequest htmx, Model model) {
        AnalyticsWindow window = AnalyticsWindow.fromKey(windowKey == null ? "" : windowKey)
            .orElse(AnalyticsWindow.LAST_24_HOURS);
        Widget widget = widgets.widget(viewer, accountId, sitekey);
        model.addAttribute("widget", widget);
        model.addAttribute("window", window);
        model.addAttribute("breakdowns", List.of(Breakdown.values()));
        try {
            List<AnalyticsWindow> windows = analytics.windows(viewer, accountId);
            model.addAttribute("windows", windows);
            if (windows.contains(window)) {
                model.addAttribute("health", analytics.health(viewer, accountId, widget, window));
            }
            else {
                model.addAttribute("notKept", true);
            }
        }
        catch (RuntimeException failure) {
            model.addAttribute("windows", List.of(window));
            model.addAttribute("problem", AnalyticsProblem.shownFor(failure));
        }
        return htmx.isHtmxRequest() ? "analytics/panel :: panel" : "analytics/widget";
    }

}
