package com.turnstileadmin.audit.web;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.audit.AuditEntry;
import com.turnstileadmin.audit.AuditTrail;
import com.turnstileadmin.paging.LenientNumberEditor;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponse;
import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The audit trail of an account, for admins: filters and pages in the URL, newest first.
 * A plain request gets the page; an htmx request (a filter changed, a pager click) only
 * the results, with the filters' messages swapped in beside their fields.
 */
@Controller
class AuditPageController {

    static final String PAGE = "audit/list";

    private final AuditTrail trail;

    AuditPageController(AuditTrail trail) {
        this.trail = trail;
    }

    @InitBinder
    void readPagingLeniently(WebDataBinder binder) {
        LenientNumberEditor.register(binder);
    }

    @GetMapping("/accounts/{accountId}/audit")
    @PreAuthorize("hasRole('ADMIN')")
    public String page(@PathVariable AccountId accountId, @ModelAttribute AuditParams params, HtmxRequest htmx,
            HtmxResponse htmxResponse, Model model) {
        // Filters that cannot be read look nothing up: the page shows what is wrong with
        // them instead.
        Page<AuditEntry> entries = params.isValid() ? trail.search(accountId, params.toFilter(), params.pageable())
                : null;
        AuditView view = AuditView.of(params, entries, AuditPaths.page(accountId), AuditPaths.export(accountId));
        boolean resultsOnly = htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest();
        model.addAttribute("audit", view);
        model.addAttribute("htmxRequest", resultsOnly);
        if (resultsOnly) {
            // The address keeps the filters as typed, wrong ones too: Back returns to
            // them, messages and all.
            // htmx-spring-boot puts the context path in front.
            htmxResponse.setPushUrl(view.currentUrl());
            return PAGE + " :: results";
        }
        return PAGE;
    }

}
