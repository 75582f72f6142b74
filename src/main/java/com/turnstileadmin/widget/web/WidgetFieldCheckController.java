package com.turnstileadmin.widget.web;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.widget.WidgetSetting;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The widget form's check of one field as the user leaves it, with the same rules as a
 * submit.
 */
@Controller
@RequestMapping("/accounts/{accountId}/widgets")
class WidgetFieldCheckController {

    private final MessageSource messages;

    WidgetFieldCheckController(MessageSource messages) {
        this.messages = messages;
    }

    /** The whole form is sent along, its version as leniently read as on a submit. */
    @InitBinder("form")
    void readVersionsLeniently(WebDataBinder binder) {
        WidgetFormController.readVersionsLeniently(binder);
    }

    /**
     * One field's check as the user leaves it: answers with that field's message, or an
     * empty one. A field the form does not have is a bad request: the page only ever asks
     * for its own.
     */
    @PostMapping("/validate")
    @PreAuthorize("hasRole('EDITOR')")
    String validateField(@PathVariable AccountId accountId, @RequestParam String field,
            @ModelAttribute("form") WidgetForm form, Model model, Locale locale) {
        WidgetSetting<?> setting = WidgetSetting.named(field)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "The form has no such field"));
        BindingResult result = new BeanPropertyBindingResult(form, "form");
        WidgetFormValidator.validateField(form, setting, result);
        String path = WidgetForm.path(setting);
        model.addAttribute("field", setting.field());
        model.addAttribute("message",
                result.hasFieldErrors(path) ? messages.getMessage(result.getFieldError(path), locale) : "");
        // An international name is sent in its ASCII (punycode) form: the page says
        // which, as the user leaves the field.
        model.addAttribute("note",
                setting == WidgetSetting.DOMAINS && !result.hasFieldErrors(path) ? form.domainsNote() : "");
        return "fragments/form :: check-answer";
    }

}
