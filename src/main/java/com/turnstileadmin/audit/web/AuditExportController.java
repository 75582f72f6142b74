package com.turnstileadmin.audit.web;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.audit.AuditTrail;
import com.turnstileadmin.paging.LenientNumberEditor;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Every entry the audit page's filters match, as a CSV download. Written as it is read, a
 * batch at a time, so that a long trail costs no more memory than a short one.
 */
@Controller
class AuditExportController {

    private final AuditTrail trail;

    private final Clock clock;

    private final MessageSource messages;

    AuditExportController(AuditTrail trail, Clock clock, MessageSource messages) {
        this.trail = trail;
        this.clock = clock;
        this.messages = messages;
    }

    @InitBinder
    void readPagingLeniently(WebDataBinder binder) {
        // The link carries the page's whole query: an odd page number in it must not make
        // the export a 400.
        LenientNumberEditor.register(binder);
    }

    /**
     * The CSV, or, if a filter cannot be read (a hand-made URL: the page offers no
     * download then), the page with its message and a 400. The page and size of the
     * query, if any, are ignored.
     */
    @GetMapping("/accounts/{accountId}/audit.csv")
    @PreAuthorize("hasRole('ADMIN')")
    public @Nullable String export(@PathVariable AccountId accountId, @ModelAttribute AuditParams params, Model model,
            HttpServletResponse response) throws IOException {
        if (!params.isValid()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("audit",
                    AuditView.of(params, null, AuditPaths.page(accountId), AuditPaths.export(accountId)));
            model.addAttribute("htmxRequest", false);
            return AuditPageController.PAGE;
        }
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                    .filename("audit-trail-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".csv")
                    .build()
                    .toString());
        AuditCsv csv = new AuditCsv(response.getWriter(),
                action -> messages.getMessage(action.labelKey(), null, Locale.ENGLISH));
        csv.header();
        trail.forEach(accountId, params.toFilter(), csv::row);
        // With the response in hand and nothing returned, Spring MVC renders no view: the
        // CSV is the answer.
        return null;
    }

}
