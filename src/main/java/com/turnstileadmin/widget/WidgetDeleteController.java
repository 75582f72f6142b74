package com.turnstileadmin.widget;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.security.SignedInUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Deleting a widget, once the user has typed its name. The details page opens this as a dialog;
 * the page of its own is for browsers without JavaScript and for a confirmation that did not match.
 */
@Controller
class WidgetDeleteController {

    private static final String PAGE = "widgets/delete";

    private final WidgetService widgets;

    WidgetDeleteController(WidgetService widgets) {
        this.widgets = widgets;
    }

    @GetMapping("/accounts/{accountId}/widgets/{sitekey}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    public String confirm(@PathVariable AccountId accountId, @PathVariable Sitekey sitekey, SignedInUser viewer,
            Model model) {
        Widget widget = widgets.details(viewer, accountId, sitekey);
        model.addAttribute("sitekey", sitekey);
        model.addAttribute("name", widget.name());
        model.addAttribute("confirmation", "");
        model.addAttribute("mismatch", false);
        return PAGE;
    }

    /**
     * Deletes the widget if the typed name is its name as Cloudflare has it now, read once more for that:
     * not a name the form sends along, which any scripted or forged request could simply repeat.
     */
    @PostMapping("/accounts/{accountId}/widgets/{sitekey}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    public String delete(@PathVariable AccountId accountId, @PathVariable Sitekey sitekey,
            @RequestParam(defaultValue = "") String confirmation, SignedInUser actor, Model model,
            RedirectAttributes redirect) {
        String name = widgets.details(actor, accountId, sitekey).name();
        if (name.isBlank() || !confirmation.strip().equals(name.strip())) {
            model.addAttribute("sitekey", sitekey);
            model.addAttribute("name", name);
            model.addAttribute("confirmation", confirmation);
            model.addAttribute("mismatch", true);
            return PAGE;
        }
        Recorded<Widget> deleted = widgets.delete(actor, accountId, sitekey);
        redirect.addFlashAttribute("flash", "Widget “" + deleted.result().name() + "” deleted.");
        Flash.warnIfUnrecorded(deleted, redirect);
        return "redirect:" + WidgetPaths.list(accountId);
    }
}
