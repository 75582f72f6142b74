package com.turnstileadmin.audit.web;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.audit.AuditTrail;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A widget's own history, which its details page loads for admins once it is shown: from
 * the audit store alone, so it costs no Cloudflare call. Without JavaScript the details
 * page links to the audit page filtered by the widget instead, and so does this address
 * when opened as a page.
 */
@Controller
class WidgetHistoryController {

    private final AuditTrail trail;

    WidgetHistoryController(AuditTrail trail) {
        this.trail = trail;
    }

    // The sitekey's shape (that of widget.Sitekey) is checked by the path: anything else
    // is no page here.
    @GetMapping("/accounts/{accountId}/widgets/{sitekey:[A-Za-z0-9_-]{1,32}}/history")
    @PreAuthorize("hasRole('ADMIN')")
    public String history(@PathVariable AccountId accountId, @PathVariable String sitekey, HtmxRequest htmx,
            Model model) {
        String allOfIt = AuditParams.ofWidget(sitekey).url(AuditPaths.page(accountId));
        if (!htmx.isHtmxRequest()) {
            return "redirect:" + allOfIt;
        }
        model.addAttribute("history", trail.historyOf(accountId, sitekey));
        model.addAttribute("historyUrl", allOfIt);
        return "audit/history :: history";
    }

}
