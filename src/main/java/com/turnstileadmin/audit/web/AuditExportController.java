package com.turnstileadmin.audit.web;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.audit.AuditTrail;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every entry the audit page's filters match, as a CSV download. Written as it is read, a batch at a
 * time, so that a long trail costs no more memory than a short one.
 */
@Controller
class AuditExportController {

    private final AuditTrail trail;
    private final Clock clock;

    AuditExportController(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    /**
     * The CSV, or, if a filter cannot be read (a hand-made URL: the page offers no download then),
     * the page with its message and a 400.
     */
    @GetMapping("/accounts/{accountId}/audit.csv")
    @PreAuthorize("hasRole('ADMIN')")
    public @Nullable String export(@PathVariable AccountId accountId,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String widget,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            Model model, HttpServletResponse response) throws IOException {
        AuditParams params = AuditParams.of(actor, action, widget, from, to, null, null);
        if (!params.isValid()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("audit", AuditView.of(params, trail, accountId, AuditPaths.page(accountId),
                    AuditPaths.export(accountId)));
            model.addAttribute("htmxRequest", false);
            return AuditPageController.PAGE;
        }
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("audit-trail-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".csv")
                .build().toString());
        AuditCsv csv = new AuditCsv(response.getWriter());
        csv.header();
        trail.forEach(accountId, params.toFilter(), csv::row);
        // With the response in hand and nothing returned, Spring MVC renders no view: the CSV is the answer.
        return null;
    }
}
