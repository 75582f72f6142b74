package com.turnstileadmin.widget;

import com.turnstileadmin.audit.FieldChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What an update changed, setting by setting, for the audit trail: each setting under the label the
 * form gives it, its values as text (domains as a comma-separated list). A setting without a value
 * (no domains) is {@code null}, so that "cleared" and "set" read as such.
 */
final class SettingChanges {

    /** The fields' names as the trail stores them; {@link SettingLabels} labels the values of these. */
    static final String MODE = "Mode";
    static final String CLEARANCE_LEVEL = "Clearance level";
    static final String REGION = "Region";
    static final String BOT_FIGHT_MODE = "Bot fight mode";
    static final String OFFLABEL = "Remove Cloudflare branding (offlabel)";
    static final String EPHEMERAL_ID = "Ephemeral ID";

    private SettingChanges() {
    }

    /** A new widget's settings, each as a change from nothing, so that its history starts with them. */
    static List<FieldChange> initial(WidgetSettings settings) {
        return between(null, settings);
    }

    /**
     * The settings that differ between {@code before} and {@code after}, in the order the form shows them.
     *
     * @param before {@code null} for a widget that did not exist
     */
    static List<FieldChange> between(@Nullable WidgetSettings before, WidgetSettings after) {
        List<FieldChange> changes = new ArrayList<>();
        compare("Name", before, after, WidgetSettings::name, changes);
        compare("Domains", before, after, settings -> domains(settings.domains()), changes);
        compare(MODE, before, after, settings -> settings.mode().value(), changes);
        compare(CLEARANCE_LEVEL, before, after, settings -> settings.clearanceLevel().value(), changes);
        compare(REGION, before, after, settings -> settings.region().value(), changes);
        compare(BOT_FIGHT_MODE, before, after, settings -> onOff(settings.botFightMode()), changes);
        compare(OFFLABEL, before, after, settings -> onOff(settings.offlabel()), changes);
        compare(EPHEMERAL_ID, before, after, settings -> onOff(settings.ephemeralId()), changes);
        return List.copyOf(changes);
    }

    private static void compare(String label, @Nullable WidgetSettings before, WidgetSettings after,
            Function<WidgetSettings, @Nullable String> value, List<FieldChange> changes) {
        String old = before == null ? null : blankToNull(value.apply(before));
        String now = blankToNull(value.apply(after));
        if (!Objects.equals(old, now)) {
            changes.add(new FieldChange(label, old, now));
        }
    }

    private static @Nullable String domains(List<String> domains) {
        return domains.isEmpty() ? null : String.join(", ", domains);
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
