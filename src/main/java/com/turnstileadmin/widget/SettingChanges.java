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
        compare("Mode", before, after, settings -> settings.mode().value(), changes);
        compare("Clearance level", before, after, settings -> settings.clearanceLevel().value(), changes);
        compare("Region", before, after, settings -> settings.region().value(), changes);
        compare("Bot fight mode", before, after, settings -> onOff(settings.botFightMode()), changes);
        compare("Remove Cloudflare branding (offlabel)", before, after, settings -> onOff(settings.offlabel()),
                changes);
        compare("Ephemeral ID", before, after, settings -> onOff(settings.ephemeralId()), changes);
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
