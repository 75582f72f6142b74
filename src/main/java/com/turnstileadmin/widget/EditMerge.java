package com.turnstileadmin.widget;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An edit that was begun on one version of a widget, applied on top of a newer one: every
 * setting the user changed takes the user's value, every other setting keeps the newer
 * one. A setting both changed, differently, is a clash; the user's value wins, and the
 * page points it out. A setting {@linkplain WidgetSetting#fixedAtCreation() fixed at
 * creation} always keeps the newer value, the only one Cloudflare takes.
 *
 * @param merged the settings to save: the newer version plus the user's changes
 * @param theirChanges what changed between the version the edit began on and the newer
 * one
 */
public record EditMerge(WidgetSettings merged, List<Change> theirChanges) {

    /**
     * One setting someone else changed, its values as {@link WidgetSetting#text} has them
     * ("(none)" for none).
     *
     * @param clash whether the user changed it too, to something else
     */
    public record Change(WidgetSetting<?> setting, String before, String after, String yours, boolean clash) {
    }

    public EditMerge {
        theirChanges = List.copyOf(theirChanges);
    }

    public static EditMerge of(WidgetSettings base, WidgetSettings mine, WidgetSettings theirs) {
        WidgetSettings merged = WidgetSettings.from(new WidgetSettings.Values() {
            @Override
            public <T> T of(WidgetSetting<T> setting) {
                return !setting.fixedAtCreation() && changed(setting, base, mine) ? setting.of(mine)
                        : setting.of(theirs);
            }
        });
        List<Change> changes = WidgetSetting.ALL.stream()
            .filter(setting -> !setting.fixedAtCreation())
            .flatMap(setting -> theirChange(setting, base, mine, theirs).stream())
            .toList();
        return new EditMerge(merged, changes);
    }

    private static Optional<Change> theirChange(WidgetSetting<?> setting, WidgetSettings base, WidgetSettings mine,
            WidgetSettings theirs) {
        if (!changed(setting, base, theirs)) {
            return Optional.empty();
        }
        boolean clash = changed(setting, base, mine) && changed(setting, theirs, mine);
        return Optional
            .of(new Change(setting, shown(setting, base), shown(setting, theirs), shown(setting, mine), clash));
    }

    private static boolean changed(WidgetSetting<?> setting, WidgetSettings from, WidgetSettings to) {
        return !Objects.equals(setting.of(from), setting.of(to));
    }

    private static String shown(WidgetSetting<?> setting, WidgetSettings settings) {
        return Objects.requireNonNullElse(setting.text(settings), "(none)");
    }
}
