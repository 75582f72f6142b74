package com.turnstileadmin.widget.web;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.security.SignedInUser;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.RevealedSecret;
import com.turnstileadmin.widget.WidgetDetails;
import com.turnstileadmin.widget.WidgetService;
import com.turnstileadmin.widget.WidgetSetting;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * A widget's details page, and its secret on demand: the page itself never holds the
 * secret, so that it can be shared on screen and shown to a viewer; the secret is fetched
 * only when someone who may see it asks.
 */
@Controller
@RequestMapping("/accounts/{accountId}/widgets/{sitekey}")
class WidgetDetailsController {

    private final WidgetService widgets;

    WidgetDetailsController(WidgetService widgets) {
        this.widgets = widgets;
    }

    /** The settings the page lists: all but the name, which is its heading. */
    @ModelAttribute("settings")
    List<WidgetSetting<?>> settings() {
        return WidgetSetting.ALL.stream().filter(setting -> setting != WidgetSetting.NAME).toList();
    }

    @GetMapping
    String details(@PathVariable AccountId accountId, @PathVariable Sitekey sitekey, SignedInUser viewer, Model model) {
        show(widgets.details(viewer, accountId, sitekey), model);
        return "widgets/details";
    }

    /**
     * The address a no-JavaScript reveal leaves in the address bar: opened again, it is
     * the widget's page.
     */
    @GetMapping("/secret")
    String secretAddress(@PathVariable AccountId accountId, @PathVariable Sitekey sitekey) {
        return "redirect:" + WidgetPaths.details(accountId, sitekey);
    }

    /**
     * A POST, not a GET: revealing a secret is an action the audit trail records, not a
     * view. A reveal that cannot be recorded shows no secret (see
     * {@link WidgetService#revealSecret}).
     */
    @PostMapping("/secret")
    String revealSecret(@PathVariable AccountId accountId, @PathVariable Sitekey sitekey, SignedInUser actor,
            HtmxRequest htmx, Model model, HttpServletResponse response) {
        NoStore.apply(response);
        RevealedSecret revealed = widgets.revealSecret(actor, accountId, sitekey);
        show(revealed.details(), model);
        model.addAttribute("secret", revealed.secret());
        if (htmx.isHtmxRequest()) {
            // The page's history panel (admins) listens for this, to show the reveal just
            // recorded.
            response.setHeader("HX-Trigger", "secret-revealed");
            return "widgets/details :: secret";
        }
        // Without JavaScript, the whole page again, with the secret in its place.
        return "widgets/details";
    }

    static void show(WidgetDetails details, Model model) {
        model.addAttribute("widget", details.widget());
        model.addAttribute("gracePeriodEnd", details.gracePeriodEndOrNull());
        model.addAttribute("outside", details.outside());
    }

}
