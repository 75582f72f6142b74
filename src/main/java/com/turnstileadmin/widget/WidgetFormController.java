package com.turnstileadmin.widget;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.audit.AuditWriteException;
import com.turnstileadmin.security.SignedInUser;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Create and edit, on one form. Each field is checked as the user leaves it and all of them again
 * on submit; whatever goes wrong, the form comes back with the user's input in it.
 */
@Controller
class WidgetFormController {

    private static final String FORM = "widgets/form";

    private final WidgetService widgets;
    private final MessageSource messages;

    WidgetFormController(WidgetService widgets, MessageSource messages) {
        this.widgets = widgets;
        this.messages = messages;
    }

    @GetMapping("/accounts/{accountId}/widgets/new")
    @PreAuthorize("hasRole('EDITOR')")
    public String newWidget(@PathVariable AccountId accountId, Model model) {
        model.addAttribute("form", new WidgetForm());
        return FORM;
    }

    @PostMapping("/accounts/{accountId}/widgets")
    @PreAuthorize("hasRole('EDITOR')")
    public String create(@PathVariable AccountId accountId, @ModelAttribute("form") WidgetForm form,
            BindingResult result, SignedInUser actor, RedirectAttributes redirect, HttpServletResponse response) {
        form.setModifiedOn("");
        WidgetFormValidator.validate(form, result);
        if (result.hasErrors()) {
            return FORM;
        }
        try {
            Recorded<WidgetWithSecret> recorded = widgets.create(actor, accountId, form.toSettings());
            Widget created = recorded.result().widget();
            redirect.addFlashAttribute("flash", "Widget “" + created.name() + "” created.");
            Flash.warnIfUnrecorded(recorded, redirect);
            return "redirect:" + WidgetPaths.details(accountId, created.sitekey());
        } catch (CloudflareException failure) {
            CloudflareFormErrors.reject(failure, result);
            return FORM;
        } catch (OverBudgetException refusal) {
            return overBudget(refusal, result, response);
        }
    }

    @GetMapping("/accounts/{accountId}/widgets/{sitekey}/edit")
    @PreAuthorize("hasRole('EDITOR')")
    public String edit(@PathVariable AccountId accountId, @PathVariable Sitekey sitekey, SignedInUser actor,
            Model model) {
        Widget widget = widgets.details(actor, accountId, sitekey);
        model.addAttribute("sitekey", sitekey);
        model.addAttribute("form", WidgetForm.of(widget));
        return FORM;
    }

    @PostMapping("/accounts/{accountId}/widgets/{sitekey}/edit")
    @PreAuthorize("hasRole('EDITOR')")
    public String update(@PathVariable AccountId accountId, @PathVariable Sitekey sitekey,
            @ModelAttribute("form") WidgetForm form, BindingResult result, SignedInUser actor, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        model.addAttribute("sitekey", sitekey);
        if (!form.hasIntactBase()) {
            result.reject("widget.edit.stale");
            return FORM;
        }
        WidgetFormValidator.validate(form, result);
        if (result.hasErrors()) {
            return FORM;
        }
        try {
            Recorded<Widget> saved = widgets.update(actor, accountId, sitekey, form.baseSettings(), form.toSettings(),
                    form.openedAtModification());
            redirect.addFlashAttribute("flash", "Widget “" + saved.result().name() + "” saved.");
            Flash.warnIfUnrecorded(saved, redirect);
            return "redirect:" + WidgetPaths.details(accountId, sitekey);
        } catch (EditConflictException conflict) {
            // Show the user's edit applied on top of the other change; saving again applies it.
            form.fillFrom(conflict.merge().merged());
            form.rebase(conflict.current());
            model.addAttribute("conflict", conflict);
            if (AuditWriteException.suppressedIn(conflict)) {
                result.reject("audit.unrecordedFailure");
            }
            return FORM;
        } catch (CloudflareException failure) {
            CloudflareFormErrors.reject(failure, result);
            return FORM;
        } catch (OverBudgetException refusal) {
            return overBudget(refusal, result, response);
        }
    }

    /** The form again with the user's input and when to try again: nothing was sent to Cloudflare. */
    private static String overBudget(OverBudgetException refusal, BindingResult result, HttpServletResponse response) {
        result.reject("cloudflare.overBudget", new Object[] {refusal.retryAfterSeconds()}, null);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(refusal.retryAfterSeconds()));
        return FORM;
    }

    /** One field's check as the user leaves it: answers with that field's message, or an empty one. */
    @PostMapping("/accounts/{accountId}/widgets/validate")
    @PreAuthorize("hasRole('EDITOR')")
    public String validateField(@PathVariable AccountId accountId, @RequestParam String field,
            @ModelAttribute("form") WidgetForm form, Model model, Locale locale) {
        if (!WidgetFormValidator.FIELDS.contains(field)) {
            field = "name";
        }
        BindingResult result = new BeanPropertyBindingResult(form, "form");
        WidgetFormValidator.validateField(form, field, result);
        model.addAttribute("field", field);
        model.addAttribute("message", result.hasFieldErrors(field)
                ? messages.getMessage(result.getFieldError(field), locale) : "");
        return "widgets/form :: field-message";
    }
}
