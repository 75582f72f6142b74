package com.turnstileadmin.widget.web;

import com.turnstileadmin.widget.ClearanceLevel;
import com.turnstileadmin.widget.DomainNames;
import com.turnstileadmin.widget.Region;
import com.turnstileadmin.widget.WidgetMode;
import com.turnstileadmin.widget.WidgetSetting;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.springframework.validation.Errors;

/**
 * The rules a widget form must pass before it goes to Cloudflare, field by field, so that
 * a field can be checked on its own as the user leaves it and all of them again on
 * submit. The messages live in {@code messages.properties} under the codes used here.
 */
public final class WidgetFormValidator {

    /** Cloudflare's limit on a widget name. */
    public static final int MAX_NAME_LENGTH = 254;

    /**
     * The rule of each setting that has one (the switches have none), which also checks
     * it alone.
     */
    private static final Map<WidgetSetting<?>, BiConsumer<SettingsFields, Errors>> RULES = Map.of(WidgetSetting.NAME,
            (fields, errors) -> checkName(fields.getName().trim(), errors), WidgetSetting.DOMAINS,
            (fields, errors) -> checkDomains(DomainNames.normalize(fields.getDomains()), errors), WidgetSetting.MODE,
            known(WidgetSetting.MODE, fields -> new WidgetMode(orUnknown(fields.getMode())).isKnown()),
            WidgetSetting.CLEARANCE_LEVEL,
            known(WidgetSetting.CLEARANCE_LEVEL,
                    fields -> new ClearanceLevel(orUnknown(fields.getClearanceLevel())).isKnown()),
            WidgetSetting.REGION,
            known(WidgetSetting.REGION, fields -> new Region(orUnknown(fields.getRegion())).isKnown()));

    private WidgetFormValidator() {
    }

    /** Checks every setting, in the form's order. */
    public static void validate(WidgetForm form, Errors errors) {
        WidgetSetting.ALL.forEach(setting -> validateField(form, setting, errors));
    }

    /**
     * Checks one setting, as the user leaves its field; a setting without a rule passes.
     */
    public static void validateField(WidgetForm form, WidgetSetting<?> setting, Errors errors) {
        BiConsumer<SettingsFields, Errors> rule = RULES.get(setting);
        if (rule != null) {
            rule.accept(form.getEdited(), errors);
        }
    }

    private static void checkName(String name, Errors errors) {
        String field = WidgetForm.path(WidgetSetting.NAME);
        if (name.isEmpty()) {
            errors.rejectValue(field, "widget.name.required");
        }
        else if (name.length() > MAX_NAME_LENGTH) {
            errors.rejectValue(field, "widget.name.tooLong", new Object[] { MAX_NAME_LENGTH, name.length() }, null);
        }
    }

    private static void checkDomains(List<String> domains, Errors errors) {
        String field = WidgetForm.path(WidgetSetting.DOMAINS);
        List<String> invalid = DomainNames.invalid(domains);
        if (domains.isEmpty()) {
            errors.rejectValue(field, "widget.domains.required");
        }
        else if (!invalid.isEmpty()) {
            errors.rejectValue(field, invalid.size() == 1 ? "widget.domains.invalid" : "widget.domains.invalidSeveral",
                    new Object[] { String.join(", ", invalid) }, null);
        }
        else if (domains.size() > DomainNames.MAX) {
            errors.rejectValue(field, "widget.domains.tooMany", new Object[] { DomainNames.MAX, domains.size() }, null);
        }
    }

    /** The rule that a choice is one of the values this app knows. */
    private static BiConsumer<SettingsFields, Errors> known(WidgetSetting<?> setting, Predicate<SettingsFields> known) {
        return (fields, errors) -> {
            if (!known.test(fields)) {
                errors.rejectValue(WidgetForm.path(setting), "widget." + setting.field() + ".unknown");
            }
        };
    }

    // The value types refuse blank values; a blank choice is simply not one of the known
    // ones.
    private static String orUnknown(String value) {
        return value.isBlank() ? "?" : value;
    }

}
