package com.turnstileadmin.widget;

import java.util.List;
import java.util.Objects;

/**
 * Everything a create or an update sends. Cloudflare's update is a full replacement
 * (there is no PATCH), so an edit starts from {@link Widget#settings()} and changes only
 * what the user changed. Each component is described by its {@link WidgetSetting}.
 *
 * @param region fixed after creation; an update sends the widget's current region back
 * unchanged
 * @param botFightMode Enterprise only
 * @param offlabel Enterprise only
 * @param ephemeralId Enterprise only
 */
public record WidgetSettings(String name, List<String> domains, WidgetMode mode, ClearanceLevel clearanceLevel,
        Region region, boolean botFightMode, boolean offlabel, boolean ephemeralId) {

    public WidgetSettings {
        Objects.requireNonNull(name, "name");
        domains = List.copyOf(domains);
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(clearanceLevel, "clearanceLevel");
        Objects.requireNonNull(region, "region");
    }

    /**
     * Each setting's value, for {@link #from}: a generic method, so an anonymous class or
     * a method reference.
     */
    public interface Values {

        <T> T of(WidgetSetting<T> setting);

    }

    /** The settings whose values {@code values} gives, setting by setting. */
    public static WidgetSettings from(Values values) {
        return new WidgetSettings(values.of(WidgetSetting.NAME), values.of(WidgetSetting.DOMAINS),
                values.of(WidgetSetting.MODE), values.of(WidgetSetting.CLEARANCE_LEVEL),
                values.of(WidgetSetting.REGION), values.of(WidgetSetting.BOT_FIGHT_MODE),
                values.of(WidgetSetting.OFFLABEL), values.of(WidgetSetting.EPHEMERAL_ID));
    }

    /**
     * Settings with Cloudflare's defaults for everything but the three required fields.
     */
    public static WidgetSettings of(String name, List<String> domains, WidgetMode mode) {
        return new WidgetSettings(name, domains, mode, ClearanceLevel.NO_CLEARANCE, Region.WORLD, false, false, false);
    }

    public WidgetSettings withName(String newName) {
        return new WidgetSettings(newName, domains, mode, clearanceLevel, region, botFightMode, offlabel, ephemeralId);
    }

    public WidgetSettings withMode(WidgetMode newMode) {
        return new WidgetSettings(name, domains, newMode, clearanceLevel, region, botFightMode, offlabel, ephemeralId);
    }

    public WidgetSettings withClearanceLevel(ClearanceLevel newLevel) {
        return new WidgetSettings(name, domains, mode, newLevel, region, botFightMode, offlabel, ephemeralId);
    }
}
