package com.turnstileadmin.analytics.web;

import com.turnstileadmin.analytics.WidgetAnalyticsService;
import com.turnstileadmin.security.SignedInUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Every account's widgets, the most troubled first, each linking to its page. */
@Controller
class OverviewController {

    private final WidgetAnalyticsService analytics;

    OverviewController(WidgetAnalyticsService analytics) {
        this.analytics = analytics;
    }

    @GetMapping(AnalyticsPaths.OVERVIEW)
    String overview(SignedInUser viewer, Model model) {
        model.addAttribute("overview", analytics.overview(viewer));
        return "analytics/overview";
    }

}
