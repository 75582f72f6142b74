package com.turnstileadmin.widget.web;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.security.SignedInUser;
import com.turnstileadmin.text.Text;
import com.turnstileadmin.widget.EditConflictException;
import com.turnstileadmin.widget.NoOutsideChangeException;
import com.turnstileadmin.widget.Recorded;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.Widget;
import com.turnstileadmin.widget.WidgetService;
import java.time.Instant;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Keeping or reverting a change made outside the dashboard, from the notice on the
 * widget's page: each back to the page with what happened.
 */
@Controller
@RequestMapping("/accounts/{accountId}/widgets/{sitekey}/outside-change")
class WidgetOutsideChangeController {

    private final WidgetService widgets;

    WidgetOutsideChangeController(WidgetService widgets) {
        this.widgets = widgets;
    }

    @PostMapping("/keep")
    @PreAuthorize("hasRole('EDITOR')")
    String keep(@PathVariable AccountId accountId, @PathVariable Sitekey sitekey, SignedInUser actor,
            RedirectAttributes redirect) {
        try {
            widgets.keepOutsideChange(actor, accountId, sitekey);
            redirect.addFlashAttribute("flash", Text.of("widget.flash.outsideKept"));
        }
        catch (NoOutsideChangeException settled) {
            redirect.addFlashAttribute("flash", Text.of("widget.flash.outsideSettled"));
        }
        return "redirect:" + WidgetPaths.details(accountId, sitekey);
    }

    /**
     * @param openedAt the widget's {@code modified_on} as the page showed it: a change
     * made since is not overwritten
     */
    @PostMapping("/revert")
    @PreAuthorize("hasRole('EDITOR')")
    String revert(@PathVariable AccountId accountId, @PathVariable Sitekey sitekey, @RequestParam Instant openedAt,
            SignedInUser actor, RedirectAttributes redirect) {
        try {
            Recorded<Widget> reverted = widgets.revertOutsideChange(actor, accountId, sitekey, openedAt);
            redirect.addFlashAttribute("flash", Text.of("widget.flash.outsideReverted"));
            Flash.warnIfUnrecorded(reverted, redirect);
        }
        catch (NoOutsideChangeException settled) {
            redirect.addFlashAttribute("flash", Text.of("widget.flash.outsideSettled"));
        }
        catch (EditConflictException conflict) {
            redirect.addFlashAttribute("flash", Text.of("widget.flash.outsideRevertConflict"));
        }
        return "redirect:" + WidgetPaths.details(accountId, sitekey);
    }

}
