package com.turnstileadmin.widget.web;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.audit.AuditWriteException;
import com.turnstileadmin.security.SignedInUser;
import com.turnstileadmin.text.Text;
import com.turnstileadmin.widget.CloudflareException;
import com.turnstileadmin.widget.EditConflictException;
import com.turnstileadmin.widget.OverBudgetException;
import com.turnstileadmin.widget.Recorded;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.Widget;
import com.turnstileadmin.widget.WidgetNames;
import com.turnstileadmin.widget.WidgetService;
import com.turnstileadmin.widget.WidgetSetting;
import com.turnstileadmin.widget.WidgetWithSecret;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Create and edit, on one form. Each field is checked as the user leaves it
 * ({@link WidgetFieldCheckController}) and all of them again on submit; whatever goes
 * wrong, the form comes back with the user's input in it.
 */
@Controller
@RequestMapping("/accounts/{accountId}/widgets")
class WidgetFormController {

    private static final String FORM = "widgets/form";

    private final WidgetService widgets;

    private final WidgetNames names;

    private final SentCreateForms sentForms;

    WidgetFormController(WidgetService widgets, WidgetNames names, SentCreateForms sentForms) {
        this.widgets = widgets;
        this.names = names;
        this.sentForms = sentForms;
    }

    /**
     * The version an edit began on, as the form sends it back: one that is missing or not
     * a time makes the base incomplete ({@link WidgetForm#hasIntactBase()}), which the
     * page explains, rather than a conversion error.
     */
    @InitBinder("form")
    static void readVersionsLeniently(WebDataBinder binder) {
        binder.registerCustomEditor(Instant.class, "modifiedOn", new LenientInstantEditor());
    }

    /**
     * The form's settings: an edit form carries each twice, as typed and as the edit
     * began on it.
     */
    @ModelAttribute("settings")
    List<WidgetSetting<?>> settings() {
        return WidgetSetting.ALL;
    }

    /**
     * The empty form, on a page no cache keeps: Back after a create then loads it afresh
     * instead of showing the filled-in form again, one click from a duplicate.
     */
    @GetMapping("/new")
    @PreAuthorize("hasRole('EDITOR')")
    String newWidget(@PathVariable AccountId accountId, Model model, HttpServletResponse response) {
        NoStore.apply(response);
        model.addAttribute("form", WidgetForm.create(SentCreateForms.newToken()));
        return FORM;
    }

    /**
     * Creates the widget and answers with its page of keys: 201 Created, the new widget's
     * address in {@code Location}, and the secret shown this once, on a response no cache
     * keeps, as Cloudflare's dashboard shows both keys at once. It is rendered here
     * rather than after a redirect because nothing may carry a secret to another request
     * (a URL, the flash in the session); the creation is in the audit trail, and the
     * secret can be revealed again (and recorded) on the widget's page.
     */
    @PostMapping
    @PreAuthorize("hasRole('EDITOR')")
    String create(@PathVariable AccountId accountId, @ModelAttribute("form") WidgetForm form, BindingResult result,
            SignedInUser actor, Model model, RedirectAttributes redirect, HttpServletRequest request,
            HttpServletResponse response) {
        WidgetFormValidator.validate(form, result);
        if (result.hasErrors()) {
            return refused(response);
        }
        String token = form.getCreateToken();
        SentCreateForms.Claim claim = sentForms.claim(token, accountId);
        if (claim instanceof SentCreateForms.Claim.Created sentBefore) {
            redirect.addFlashAttribute("flash", Text.of("widget.flash.sentBefore"));
            return "redirect:" + WidgetPaths.details(accountId, sentBefore.sitekey());
        }
        if (claim instanceof SentCreateForms.Claim.InFlight) {
            result.reject("widget.create.inFlight");
            response.setStatus(HttpStatus.CONFLICT.value());
            return FORM;
        }
        Sitekey made = null;
        try {
            Recorded<WidgetWithSecret> recorded = widgets.create(actor, accountId, form.toSettings());
            Widget created = recorded.result().widget();
            made = created.sitekey();
            sentForms.created(token, made);
            NoStore.apply(response);
            response.setStatus(HttpStatus.CREATED.value());
            // A header, unlike a redirect view, gets no context path of its own.
            response.setHeader(HttpHeaders.LOCATION,
                    request.getContextPath() + WidgetPaths.details(accountId, created.sitekey()));
            model.addAttribute("widget", created);
            model.addAttribute("secret", recorded.result().secret());
            model.addAttribute("unrecorded", !recorded.recorded());
            model.addAttribute("nameTaken", names.takenByAnother(actor, accountId, created.name(), created.sitekey()));
            return "widgets/created";
        }
        catch (CloudflareException failure) {
            CloudflareFormErrors.reject(failure, result);
            return refused(response);
        }
        catch (OverBudgetException refusal) {
            return overBudget(refusal, result, response);
        }
        finally {
            if (made == null) {
                // Nothing was made: the same form (shown again with the user's input) may
                // be sent again.
                sentForms.released(token);
            }
        }
    }

    @GetMapping("/{sitekey}/edit")
    @PreAuthorize("hasRole('EDITOR')")
    String edit(@PathVariable AccountId accountId, @PathVariable Sitekey sitekey, SignedInUser actor, Model model,
            HttpServletResponse response) {
        NoStore.apply(response);
        model.addAttribute("form", WidgetForm.of(widgets.widget(actor, accountId, sitekey)));
        return FORM;
    }

    @PostMapping("/{sitekey}/edit")
    @PreAuthorize("hasRole('EDITOR')")
    String update(@PathVariable AccountId accountId, @PathVariable Sitekey sitekey,
            @ModelAttribute("form") WidgetForm form, BindingResult result, SignedInUser actor, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        form.editing(sitekey);
        if (!form.hasIntactBase()) {
            result.reject("widget.edit.stale");
            return refused(response);
        }
        WidgetFormValidator.validate(form, result);
        if (result.hasErrors()) {
            return refused(response);
        }
        if (form.toSettings().equals(form.baseSettings())) {
            // Nothing edited: nothing is sent (not even the read of the conflict check)
            // and nothing recorded.
            redirect.addFlashAttribute("flash", Text.of("widget.flash.noChanges"));
            return "redirect:" + WidgetPaths.details(accountId, sitekey);
        }
        try {
            Recorded<Widget> saved = widgets.update(actor, accountId, sitekey, form.baseSettings(), form.toSettings(),
                    Objects.requireNonNull(form.getModifiedOn()));
            String name = saved.result().name();
            boolean nameTaken = !name.equals(form.getBase().getName())
                    && names.takenByAnother(actor, accountId, name, sitekey);
            redirect.addFlashAttribute("flash",
                    nameTaken ? Text.of("widget.flash.savedNameTaken", name) : Text.of("widget.flash.saved", name));
            Flash.warnIfUnrecorded(saved, redirect);
            return "redirect:" + WidgetPaths.details(accountId, sitekey);
        }
        catch (EditConflictException conflict) {
            // Show the user's edit applied on top of the other change; saving again
            // applies it.
            form.fillFrom(conflict.merge().merged());
            form.rebase(conflict.current());
            model.addAttribute("conflict", conflict);
            if (AuditWriteException.suppressedIn(conflict)) {
                result.reject("audit.unrecordedFailure");
            }
            return FORM;
        }
        catch (CloudflareException failure) {
            CloudflareFormErrors.reject(failure, result);
            return refused(response);
        }
        catch (OverBudgetException refusal) {
            return overBudget(refusal, result, response);
        }
    }

    /**
     * The form again with the user's input and when to try again: nothing was sent to
     * Cloudflare.
     */
    private static String overBudget(OverBudgetException refusal, BindingResult result, HttpServletResponse response) {
        result.reject("cloudflare.overBudget", new Object[] { refusal.retryAfterSeconds() }, null);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(refusal.retryAfterSeconds()));
        return FORM;
    }

    /**
     * The form again, with its errors and the summary of them on top: 422, which htmx
     * swaps like a success.
     */
    private static String refused(HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return FORM;
    }

}
