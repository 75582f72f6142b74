package com.turnstileadmin.widget;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the pages call a setting's value ({@code jschallenge} is "JavaScript challenge"):
 * one source, the message keys {@code label.<setting>.<value>} of
 * {@code messages.properties}, which the form's choices use too. Templates reach it as
 * {@code @labels}. A value without a label (one Cloudflare added since) is shown as it
 * came.
 */
@Component("labels")
public class SettingLabels {

    private static final String MODE = "mode";

    private static final String CLEARANCE_LEVEL = "clearanceLevel";

    private static final String REGION = "region";

    private static final String ORIGIN = "origin";

    private final MessageSource messages;

    /** Looked up once per value: a list page asks for three labels a row. */
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    /**
     * The audit trail's field names, which are the settings' English labels (as
     * {@link SettingChanges} stores them), with the settings they name.
     */
    private final Map<String, WidgetSetting<?>> audited;

    public SettingLabels(MessageSource messages) {
        this.messages = messages;
        this.audited = WidgetSetting.ALL.stream()
            .collect(Collectors.toUnmodifiableMap(
                    setting -> messages.getMessage(setting.labelKey(), null, Locale.ENGLISH), Function.identity()));
    }

    /**
     * The label of {@code value} of {@code setting} (mode, clearanceLevel, region,
     * origin), or the value itself.
     */
    public String of(String setting, String value) {
        String key = "label." + setting + "." + value;
        return cache.computeIfAbsent(key,
                k -> Objects.requireNonNull(messages.getMessage(k, null, value, Locale.ENGLISH)));
    }

    public String mode(WidgetMode mode) {
        return of(MODE, mode.value());
    }

    public String clearanceLevel(ClearanceLevel level) {
        return of(CLEARANCE_LEVEL, level.value());
    }

    public String region(Region region) {
        return of(REGION, region.value());
    }

    public String origin(WidgetOrigin origin) {
        return of(ORIGIN, origin.value());
    }

    /**
     * A value of the audit trail's changes, labelled if its field has labels ("Mode":
     * {@code
     * non-interactive} is "Non-interactive"); {@code null} (no value) stays {@code null}.
     */
    public @Nullable String ofAudited(String field, @Nullable String value) {
        return labelled(audited.get(field), value);
    }

    /**
     * The value itself if {@link #ofAudited} labels it (for its title), else
     * {@code null}: a name needs no tooltip.
     */
    public @Nullable String rawIfAudited(String field, @Nullable String value) {
        WidgetSetting<?> setting = audited.get(field);
        return setting != null && setting.valueLabels() != null ? value : null;
    }

    /**
     * A value of the edit conflict's table ({@link EditMerge.Change}), labelled as
     * {@link #ofAudited} does.
     */
    public @Nullable String ofEdited(String field, @Nullable String value) {
        return labelled(WidgetSetting.named(field).orElse(null), value);
    }

    private @Nullable String labelled(@Nullable WidgetSetting<?> setting, @Nullable String value) {
        String group = setting == null ? null : setting.valueLabels();
        return group == null || value == null ? value : of(group, value);
    }

}
