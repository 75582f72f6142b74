package com.turnstileadmin.widget;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the pages call a setting's value ({@code jschallenge} is "JavaScript challenge"): one source,
 * the message keys {@code label.<setting>.<value>} of {@code messages.properties}, which the form's
 * choices use too. Templates reach it as {@code @labels}. A value without a label (one Cloudflare added
 * since) is shown as it came.
 */
@Component("labels")
public class SettingLabels {

    /** The settings that have labelled values, by the name their message keys use. */
    static final String MODE = "mode";
    static final String CLEARANCE_LEVEL = "clearanceLevel";
    static final String REGION = "region";
    static final String ORIGIN = "origin";
    static final String SWITCH = "switch";

    /** The audit trail's field names ({@link SettingChanges}) whose values have labels. */
    private static final Map<String, String> AUDITED = Map.of(SettingChanges.MODE, MODE,
            SettingChanges.CLEARANCE_LEVEL, CLEARANCE_LEVEL, SettingChanges.REGION, REGION,
            SettingChanges.BOT_FIGHT_MODE, SWITCH, SettingChanges.OFFLABEL, SWITCH, SettingChanges.EPHEMERAL_ID, SWITCH);

    /** The conflict table's field names ({@link EditMerge.Change#field()}) whose values have labels. */
    private static final Map<String, String> EDITED = Map.of(MODE, MODE, CLEARANCE_LEVEL, CLEARANCE_LEVEL,
            "botFightMode", SWITCH, "offlabel", SWITCH, "ephemeralId", SWITCH);

    private final MessageSource messages;
    /** Looked up once per value: a list page asks for three labels a row. */
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public SettingLabels(MessageSource messages) {
        this.messages = messages;
    }

    /** The label of {@code value} of {@code setting} (mode, clearanceLevel, region, origin), or the value itself. */
    public String of(String setting, String value) {
        String key = "label." + setting + "." + value;
        return cache.computeIfAbsent(key, k -> Objects.requireNonNull(messages.getMessage(k, null, value, Locale.ENGLISH)));
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
     * A value of the audit trail's changes, labelled if its field has labels ("Mode": {@code
     * non-interactive} is "Non-interactive"); {@code null} (no value) stays {@code null}.
     */
    public @Nullable String ofAudited(String field, @Nullable String value) {
        return labelled(AUDITED.get(field), value);
    }

    /** The value itself if {@link #ofAudited} labels it (for its title), else {@code null}: a name needs no tooltip. */
    public @Nullable String rawIfAudited(String field, @Nullable String value) {
        return AUDITED.containsKey(field) ? value : null;
    }

    /** A value of the edit conflict's table ({@link EditMerge.Change}), labelled as {@link #ofAudited} does. */
    public @Nullable String ofEdited(String field, @Nullable String value) {
        return labelled(EDITED.get(field), value);
    }

    private @Nullable String labelled(@Nullable String setting, @Nullable String value) {
        return setting == null || value == null ? value : of(setting, value);
    }
}
