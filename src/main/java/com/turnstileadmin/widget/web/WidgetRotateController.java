package com.turnstileadmin.widget.web;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.audit.AuditWriteException;
import com.turnstileadmin.security.SignedInUser;
import com.turnstileadmin.widget.Recorded;
import com.turnstileadmin.widget.RotationRefusedException;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.WidgetService;
import com.turnstileadmin.widget.WidgetWithSecret;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Secret rotation. The details page opens it as a dialog and posts it with htmx; the page
 * of its own is for browsers without JavaScript. The new secret is shown once, on a
 * response no cache keeps.
 */
@Controller
@RequestMapping("/accounts/{accountId}/widgets/{sitekey}/rotate")
class WidgetRotateController {

    private static final String PAGE = "widgets/rotate";

    private final WidgetService widgets;

    WidgetRotateController(WidgetService widgets) {
        this.widgets = widgets;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    String confirm(@PathVariable AccountId accountId, @PathVariable Sitekey sitekey, SignedInUser viewer, Model model) {
        // The details page disables its button during a grace period; this page, reached
        // without it, says the same.
        WidgetDetailsController.show(widgets.details(viewer, accountId, sitekey), model);
        return PAGE;
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    String rotate(@PathVariable AccountId accountId, @PathVariable Sitekey sitekey,
            @RequestParam(defaultValue = "false") boolean invalidateImmediately,
            @RequestParam(defaultValue = "") String confirmation, SignedInUser actor, HtmxRequest htmx, Model model,
            HttpServletResponse response) {
        if (invalidateImmediately && !sitekey.isConfirmedBy(confirmation)) {
            // Invalidating at once breaks every site still on the old secret: it takes
            // the typed code, which
            // the dialog asks for when the switch is turned on (and the page always shows
            // without JavaScript).
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("widget", widgets.widget(actor, accountId, sitekey));
            model.addAttribute("confirmationMismatch", true);
            return htmx.isHtmxRequest() ? PAGE + " :: dialog-content" : PAGE;
        }
        model.addAttribute("sitekey", sitekey);
        model.addAttribute("invalidateImmediately", invalidateImmediately);
        try {
            Recorded<WidgetWithSecret> rotated = widgets.rotateSecret(actor, accountId, sitekey, invalidateImmediately);
            NoStore.apply(response);
            model.addAttribute("widget", rotated.result().widget());
            model.addAttribute("secret", rotated.result().secret());
            // The new secret is shown all the same: it is in force at Cloudflare, and
            // only shown now.
            model.addAttribute("unrecorded", !rotated.recorded());
        }
        catch (RotationRefusedException refused) {
            model.addAttribute("refused", refused);
            model.addAttribute("unrecorded", AuditWriteException.suppressedIn(refused));
        }
        return htmx.isHtmxRequest() ? PAGE + " :: outcome" : PAGE;
    }

}
