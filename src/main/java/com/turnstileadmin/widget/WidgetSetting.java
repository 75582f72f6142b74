package com.turnstileadmin.widget;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * One setting of a widget, described once: what the form calls it, where its label is,
 * how to read it from {@link WidgetSettings}, how its value reads, and whether it needs
 * Turnstile Enterprise. The edit merge, the audit trail's change list, the form's checks,
 * Cloudflare's field errors and the details page all go through {@link #ALL}, so a new
 * setting is added here (and to {@link WidgetSettings} and the wire mapping) and nowhere
 * else.
 *
 * @param <T> the type of the setting's value
 */
public final class WidgetSetting<T> {

    /** How a setting's value reads. */
    public enum Kind {

        /** One value, shown as it is ({@code managed}). */
        TEXT,
        /** Several values, shown as a list, or comma-separated in a line. */
        LIST,
        /** On or off. */
        SWITCH

    }

    public static final WidgetSetting<String> NAME = new WidgetSetting<>("name", Kind.TEXT, false, false, null,
            WidgetSettings::name);

    public static final WidgetSetting<List<String>> DOMAINS = new WidgetSetting<>("domains", Kind.LIST, false, false,
            null, WidgetSettings::domains);

    public static final WidgetSetting<WidgetMode> MODE = new WidgetSetting<>("mode", Kind.TEXT, false, false, "mode",
            WidgetSettings::mode);

    public static final WidgetSetting<ClearanceLevel> CLEARANCE_LEVEL = new WidgetSetting<>("clearanceLevel", Kind.TEXT,
            false, false, "clearanceLevel", WidgetSettings::clearanceLevel);

    public static final WidgetSetting<Region> REGION = new WidgetSetting<>("region", Kind.TEXT, false, true, "region",
            WidgetSettings::region);

    public static final WidgetSetting<Boolean> BOT_FIGHT_MODE = enterpriseSwitch("botFightMode",
            WidgetSettings::botFightMode);

    public static final WidgetSetting<Boolean> OFFLABEL = enterpriseSwitch("offlabel", WidgetSettings::offlabel);

    public static final WidgetSetting<Boolean> EPHEMERAL_ID = enterpriseSwitch("ephemeralId",
            WidgetSettings::ephemeralId);

    /** Every setting, in the order the form shows them. */
    public static final List<WidgetSetting<?>> ALL = List.of(NAME, DOMAINS, MODE, CLEARANCE_LEVEL, REGION,
            BOT_FIGHT_MODE, OFFLABEL, EPHEMERAL_ID);

    private final String field;

    private final Kind kind;

    private final boolean enterpriseOnly;

    private final boolean fixedAtCreation;

    private final @Nullable String valueLabels;

    private final Function<WidgetSettings, T> accessor;

    private WidgetSetting(String field, Kind kind, boolean enterpriseOnly, boolean fixedAtCreation,
            @Nullable String valueLabels, Function<WidgetSettings, T> accessor) {
        this.field = field;
        this.kind = kind;
        this.enterpriseOnly = enterpriseOnly;
        this.fixedAtCreation = fixedAtCreation;
        this.valueLabels = valueLabels;
        this.accessor = accessor;
    }

    private static WidgetSetting<Boolean> enterpriseSwitch(String field, Function<WidgetSettings, Boolean> accessor) {
        return new WidgetSetting<>(field, Kind.SWITCH, true, false, "switch", accessor);
    }

    /** The setting whose form field is {@code field}, if there is one. */
    public static Optional<WidgetSetting<?>> named(String field) {
        return ALL.stream().filter(setting -> setting.field.equals(field)).findFirst();
    }

    /**
     * The form field's name, which is also the record component's:
     * {@code clearanceLevel}.
     */
    public String field() {
        return field;
    }

    /**
     * The key of its label in {@code messages.properties}:
     * {@code widget.setting.clearanceLevel}.
     */
    public String labelKey() {
        return "widget.setting." + field;
    }

    /**
     * What the audit trail calls each setting: its label in English, the language the
     * trail is kept in.
     */
    public static Function<WidgetSetting<?>, String> trailLabels(MessageSource messages) {
        return setting -> messages.getMessage(setting.labelKey(), null, Locale.ENGLISH);
    }

    /**
     * The group of {@code messages.properties} that labels its values
     * ({@code label.<group>.<value>}: {@code label.mode.non-interactive}), or
     * {@code null} for a setting whose values are shown as they are.
     */
    public @Nullable String valueLabels() {
        return valueLabels;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether Cloudflare takes it only on Turnstile Enterprise accounts. */
    public boolean enterpriseOnly() {
        return enterpriseOnly;
    }

    /**
     * Whether it is set when the widget is created and never after (the region): an edit
     * keeps the current value.
     */
    public boolean fixedAtCreation() {
        return fixedAtCreation;
    }

    public boolean isList() {
        return kind == Kind.LIST;
    }

    public boolean isSwitch() {
        return kind == Kind.SWITCH;
    }

    /** This setting's value in {@code settings}. */
    public T of(WidgetSettings settings) {
        return accessor.apply(settings);
    }

    /**
     * The value as one line of text: a switch {@code on} or {@code off}, a list
     * comma-separated, anything else as it is; {@code null} when there is none (no
     * domains, a blank value), so that "cleared" and "set" read as such.
     */
    public @Nullable String text(WidgetSettings settings) {
        Object value = of(settings);
        String text;
        if (value instanceof List<?> list) {
            text = String.join(", ", list.stream().map(String::valueOf).toList());
        }
        else if (value instanceof Boolean on) {
            text = on ? "on" : "off";
        }
        else {
            text = Objects.toString(value, "");
        }
        return text.isBlank() ? null : text;
    }

    @Override
    public String toString() {
        return field;
    }

}
