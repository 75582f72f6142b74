package com.turnstileadmin.widget.web;

import com.turnstileadmin.widget.ClearanceLevel;
import com.turnstileadmin.widget.DomainNames;
import com.turnstileadmin.widget.Region;
import com.turnstileadmin.widget.WidgetMode;
import com.turnstileadmin.widget.WidgetSetting;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.springframework.validation.Errors;

/**
 * The rules a widget form must pass before it goes to Cloudflare, field by field, so that a field
 * can be checked on its own as the user leaves it and all of them again on submit. The messages
 * live in {@code messages.properties} under the codes used here.
 */
public final class WidgetFormValidator {

    /** Cloudflare's limit on a widget name. */
    public static final int MAX_NAME_LENGTH = 254;

    /** The rule of each setting that has one (the switches have none), which also checks it alone. */
    private static final Map<WidgetSetting<?>, BiConsumer<WidgetForm, Errors>> RULES = Map.of(
            WidgetSetting.NAME, (form, errors) -> checkName(form.getName().trim(), errors),
            WidgetSetting.DOMAINS, (form, errors) -> checkDomains(form.normalizedDomains(), errors),
            WidgetSetting.MODE, (form, errors) -> checkKnown(new WidgetMode(orUnknown(form.getMode())).isKnown(),
                    WidgetSetting.MODE, errors),
            WidgetSetting.CLEARANCE_LEVEL, (form, errors) -> checkKnown(
                    new ClearanceLevel(orUnknown(form.getClearanceLevel())).isKnown(), WidgetSetting.CLEARANCE_LEVEL,
                    errors),
            WidgetSetting.REGION, (form, errors) -> checkKnown(new Region(orUnknown(form.getRegion())).isKnown(),
                    WidgetSetting.REGION, errors));

    /**
     * The id of each field's input on the form, for the error summary's links (Thymeleaf numbers the ids
     * of radio buttons and checkboxes: the first is {@code mode1}).
     */
    public static final Map<String, String> INPUT_IDS = Map.of("name", "name", "domains", "domains", "mode", "mode1",
            "clearanceLevel", "clearanceLevel", "region", "region", "botFightMode", "botFightMode1",
            "offlabel", "offlabel1", "ephemeralId", "ephemeralId1");

    private WidgetFormValidator() {
    }

    /** Checks every setting, in the form's order. */
    public static void validate(WidgetForm form, Errors errors) {
        WidgetSetting.ALL.forEach(setting -> validateField(form, setting, errors));
    }

    /** Checks one setting, as the user leaves its field; a setting without a rule passes. */
    public static void validateField(WidgetForm form, WidgetSetting<?> setting, Errors errors) {
        BiConsumer<WidgetForm, Errors> rule = RULES.get(setting);
        if (rule != null) {
            rule.accept(form, errors);
        }
    }

    private static void checkName(String name, Errors errors) {
        if (name.isEmpty()) {
            errors.rejectValue("name", "widget.name.required");
        } else if (name.length() > MAX_NAME_LENGTH) {
            errors.rejectValue("name", "widget.name.tooLong", new Object[] {MAX_NAME_LENGTH, name.length()}, null);
        }
    }

    private static void checkDomains(List<String> domains, Errors errors) {
        List<String> invalid = DomainNames.invalid(domains);
        if (domains.isEmpty()) {
            errors.rejectValue("domains", "widget.domains.required");
        } else if (!invalid.isEmpty()) {
            errors.rejectValue("domains", invalid.size() == 1 ? "widget.domains.invalid" : "widget.domains.invalidSeveral",
                    new Object[] {String.join(", ", invalid)}, null);
        } else if (domains.size() > DomainNames.MAX) {
            errors.rejectValue("domains", "widget.domains.tooMany", new Object[] {DomainNames.MAX, domains.size()}, null);
        }
    }

    private static void checkKnown(boolean known, WidgetSetting<?> setting, Errors errors) {
        if (!known) {
            errors.rejectValue(setting.field(), "widget." + setting.field() + ".unknown");
        }
    }

    // The value types refuse blank values; a blank choice is simply not one of the known ones.
    private static String orUnknown(String value) {
        return value.isBlank() ? "?" : value;
    }
}
