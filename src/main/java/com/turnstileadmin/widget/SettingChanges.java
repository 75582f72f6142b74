package com.turnstileadmin.widget;

import com.turnstileadmin.audit.FieldChange;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What an update changed, setting by setting, for the audit trail: each setting under its
 * label (as the form and the details page have it), its values as
 * {@link WidgetSetting#text} has them. A setting without a value (no domains) is
 * {@code null}, so that "cleared" and "set" read as such.
 */
public final class SettingChanges {

    private SettingChanges() {
    }

    /**
     * A new widget's settings, each as a change from nothing, so that its history starts
     * with them.
     */
    public static List<FieldChange> initial(WidgetSettings settings, Function<WidgetSetting<?>, String> labels) {
        return between(null, settings, labels);
    }

    /**
     * The settings that differ between {@code before} and {@code after}, in the order the
     * form shows them.
     * @param before {@code null} for a widget that did not exist
     * @param labels what each setting is called
     */
    public static List<FieldChange> between(@Nullable WidgetSettings before, WidgetSettings after,
            Function<WidgetSetting<?>, String> labels) {
        return WidgetSetting.ALL.stream().flatMap(setting -> {
            String old = before == null ? null : setting.text(before);
            String now = setting.text(after);
            return Objects.equals(old, now) ? Stream.empty()
                    : Stream.of(new FieldChange(labels.apply(setting), old, now));
        }).toList();
    }

}
