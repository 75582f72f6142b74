package com.turnstileadmin.widget;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * An edit that was begun on one version of a widget, applied on top of a newer one: every field the
 * user changed takes the user's value, every other field keeps the newer one. A field both changed,
 * differently, is a clash; the user's value wins, and the page points it out.
 *
 * @param merged the settings to save: the newer version plus the user's changes
 * @param theirChanges what changed between the version the edit began on and the newer one
 */
public record EditMerge(WidgetSettings merged, List<Change> theirChanges) {

    /**
     * One field someone else changed.
     *
     * @param field the form field's name, e.g. {@code domains}
     * @param label what the page calls it
     * @param clash whether the user changed it too, to something else
     */
    public record Change(String field, String label, String before, String after, String yours, boolean clash) {
    }

    public EditMerge {
        theirChanges = List.copyOf(theirChanges);
    }

    public static EditMerge of(WidgetSettings base, WidgetSettings mine, WidgetSettings theirs) {
        List<Change> changes = new ArrayList<>();
        String name = pick("name", "Name", base, mine, theirs, WidgetSettings::name, changes);
        List<String> domains = pick("domains", "Domains", base, mine, theirs, WidgetSettings::domains, changes);
        WidgetMode mode = pick("mode", "Mode", base, mine, theirs, WidgetSettings::mode, changes);
        ClearanceLevel clearance = pick("clearanceLevel", "Clearance level", base, mine, theirs,
                WidgetSettings::clearanceLevel, changes);
        boolean botFight = pick("botFightMode", "Bot fight mode", base, mine, theirs, WidgetSettings::botFightMode,
                changes);
        boolean offlabel = pick("offlabel", "Remove Cloudflare branding", base, mine, theirs, WidgetSettings::offlabel,
                changes);
        boolean ephemeralId = pick("ephemeralId", "Ephemeral ID", base, mine, theirs, WidgetSettings::ephemeralId,
                changes);
        // The region cannot change after creation, so the current one is the only one to send.
        return new EditMerge(new WidgetSettings(name, domains, mode, clearance, theirs.region(), botFight, offlabel,
                ephemeralId), changes);
    }

    private static <T> T pick(String field, String label, WidgetSettings base, WidgetSettings mine,
            WidgetSettings theirs, Function<WidgetSettings, T> value, List<Change> changes) {
        T before = value.apply(base);
        T mineValue = value.apply(mine);
        T theirValue = value.apply(theirs);
        boolean mineChanged = !Objects.equals(before, mineValue);
        if (!Objects.equals(before, theirValue)) {
            changes.add(new Change(field, label, show(before), show(theirValue), show(mineValue),
                    mineChanged && !Objects.equals(mineValue, theirValue)));
        }
        return mineChanged ? mineValue : theirValue;
    }

    private static String show(Object value) {
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "(none)" : String.join(", ", list.stream().map(String::valueOf).toList());
        }
        if (value instanceof Boolean on) {
            return on ? "on" : "off";
        }
        return String.valueOf(value);
    }
}
