package com.turnstileadmin.widget.web;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.security.SignedInUser;
import com.turnstileadmin.text.Text;
import com.turnstileadmin.widget.Recorded;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.Widget;
import com.turnstileadmin.widget.WidgetService;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Deleting a widget, once the user has typed the end of its sitekey. The details page
 * opens this as a dialog; the page of its own is for browsers without JavaScript and for
 * a confirmation that did not match.
 */
@Controller
@RequestMapping("/accounts/{accountId}/widgets/{sitekey}/delete")
class WidgetDeleteController {

    private static final String PAGE = "widgets/delete";

    private final WidgetService widgets;

    WidgetDeleteController(WidgetService widgets) {
        this.widgets = widgets;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    String confirm(@PathVariable AccountId accountId, @PathVariable Sitekey sitekey, SignedInUser viewer, Model model) {
        return page(model, sitekey, widgets.widget(viewer, accountId, sitekey).name(), "", false);
    }

    /**
     * Deletes the widget if the typed code is its sitekey's
     * {@linkplain Sitekey#confirmationCode() last characters}, as the dialog asks. This
     * guards against slips (the wrong widget, a stray click): the code comes from the
     * address, which names the widget deleted, so a delete stays one Cloudflare call and
     * two widgets of the same name cannot be mistaken for each other. The {@code name}
     * field only names the widget on the page shown again after a mismatch.
     */
    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    String delete(@PathVariable AccountId accountId, @PathVariable Sitekey sitekey,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String confirmation,
            SignedInUser actor, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        if (!sitekey.isConfirmedBy(confirmation)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model, sitekey, name, confirmation, true);
        }
        Recorded<Widget> deleted = widgets.delete(actor, accountId, sitekey);
        redirect.addFlashAttribute("flash", Text.of("widget.flash.deleted", deleted.result().name()));
        Flash.warnIfUnrecorded(deleted, redirect);
        return "redirect:" + WidgetPaths.list(accountId);
    }

    /**
     * The confirmation page: asking for the code, or again after a code that did not
     * match.
     */
    private static String page(Model model, Sitekey sitekey, String name, String confirmation, boolean mismatch) {
        model.addAttribute("sitekey", sitekey);
        model.addAttribute("name", name);
        model.addAttribute("confirmation", confirmation);
        model.addAttribute("mismatch", mismatch);
        return PAGE;
    }

}
