package com.turnstileadmin.audit.web;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.audit.AuditTrail;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail of an account, for admins: filters and pages in the URL, newest first. A plain
 * request gets the page; an htmx request (a filter changed, a pager click) only the results, with
 * the filters' messages swapped in beside their fields.
 */
@Controller
class AuditPageController {

    static final String PAGE = "audit/list";

    private final AuditTrail trail;

    AuditPageController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/accounts/{accountId}/audit")
    @PreAuthorize("hasRole('ADMIN')")
    public String page(@PathVariable AccountId accountId, @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String widget,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String page, @RequestParam(required = false) @Nullable String size,
            HtmxRequest htmx, Model model, HttpServletResponse response) {
        AuditParams params = AuditParams.of(actor, action, widget, from, to, page, size);
        AuditView view = AuditView.of(params, trail, accountId, AuditPaths.page(accountId), AuditPaths.export(accountId));
        boolean resultsOnly = htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest();
        model.addAttribute("audit", view);
        model.addAttribute("htmxRequest", resultsOnly);
        if (resultsOnly) {
            // The address keeps the filters as typed, wrong ones too: Back returns to them, messages and all.
            response.setHeader("HX-Push-Url", view.currentUrl());
            return PAGE + " :: results";
        }
        return PAGE;
    }
}
