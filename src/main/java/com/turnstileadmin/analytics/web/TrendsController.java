package com.turnstileadmin.analytics.web;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.analytics.AnalyticsProblem;
import com.turnstileadmin.analytics.WidgetAnalyticsService;
import com.turnstileadmin.analytics.WidgetTrend;
import com.turnstileadmin.security.SignedInUser;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.WidgetQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The list's sparkline cells, asked by the list once its rows are shown: one GraphQL
 * query for the page's widgets, answered as out-of-band swaps into each row's cell, so
 * that the rows never wait for analytics.
 */
@Controller
class TrendsController {

    private final WidgetAnalyticsService analytics;

    TrendsController(WidgetAnalyticsService analytics) {
        this.analytics = analytics;
    }

    @GetMapping(AnalyticsPaths.TRENDS)
    String trends(@PathVariable AccountId accountId,
            @RequestParam(name = "sitekey", required = false) @Nullable List<String> asked, SignedInUser viewer,
            Model model) {
        // None: an empty answer (an empty list page never asks).
        List<String> sitekeys = asked == null ? List.of() : asked;
        if (sitekeys.size() > WidgetQuery.MAX_PER_PAGE || !sitekeys.stream().allMatch(Sitekey::isValid)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "At most a page of well-formed sitekeys");
        }
        List<Sitekey> keys = sitekeys.stream().distinct().map(Sitekey::new).toList();
        model.addAttribute("sitekeys", keys);
        try {
            Map<Sitekey, WidgetTrend> trends = analytics.trends(viewer, accountId, keys);
            Map<Sitekey, String> sparklines = new HashMap<>();
            trends.forEach((sitekey, trend) -> sparklines.put(sitekey, Sparkline.points(trend)));
            model.addAttribute("trends", trends);
            model.addAttribute("sparklines", sparklines);
        }
        catch (RuntimeException failure) {
            model.addAttribute("problem", AnalyticsProblem.shownFor(failure));
        }
        return "analytics/trends";
    }

}
