package com.turnstileadmin.widget.web;

import com.turnstileadmin.widget.ClearanceLevel;
import com.turnstileadmin.widget.DomainNames;
import com.turnstileadmin.widget.Region;
import com.turnstileadmin.widget.WidgetMode;
import com.turnstileadmin.widget.WidgetSettings;

/**
 * One group of the widget form's values, a field per
 * {@link com.turnstileadmin.widget.WidgetSetting}, as the browser sends them: strings, so
 * that anything can be shown back with its error. The form has two of them, what the user
 * edits and what the edit began on ({@link WidgetForm}).
 */
public class SettingsFields {

    private String name = "";

    private String domains = "";

    private String mode = WidgetMode.MANAGED.value();

    private String clearanceLevel = ClearanceLevel.NO_CLEARANCE.value();

    private String region = Region.WORLD.value();

    private boolean botFightMode;

    private boolean offlabel;

    private boolean ephemeralId;

    /** The fields filled with the settings, domains one per line. */
    static SettingsFields of(WidgetSettings settings) {
        SettingsFields fields = new SettingsFields();
        fields.name = settings.name();
        fields.domains = String.join("\n", settings.domains());
        fields.mode = settings.mode().value();
        fields.clearanceLevel = settings.clearanceLevel().value();
        fields.region = settings.region().value();
        fields.botFightMode = settings.botFightMode();
        fields.offlabel = settings.offlabel();
        fields.ephemeralId = settings.ephemeralId();
        return fields;
    }

    /**
     * The settings these fields hold: the name trimmed, the domains normalized; only once
     * they passed the checks.
     */
    WidgetSettings toSettings() {
        return new WidgetSettings(name.trim(), DomainNames.normalize(domains), new WidgetMode(mode),
                new ClearanceLevel(clearanceLevel), new Region(region), botFightMode, offlabel, ephemeralId);
    }

    /**
     * Whether every field that has to have a value has one (a tampered or cut-off form
     * may lack some).
     */
    boolean isComplete() {
        return !name.isBlank() && !mode.isBlank() && !clearanceLevel.isBlank() && !region.isBlank();
    }

    /** Whether one of the Enterprise-only switches is on. */
    public boolean isAnyEnterpriseSettingOn() {
        return botFightMode || offlabel || ephemeralId;
    }

    // Accessors for data binding.

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name;
    }

    public String getDomains() {
        return domains;
    }

    public void setDomains(String domains) {
        this.domains = domains == null ? "" : domains;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode == null ? "" : mode;
    }

    public String getClearanceLevel() {
        return clearanceLevel;
    }

    public void setClearanceLevel(String clearanceLevel) {
        this.clearanceLevel = clearanceLevel == null ? "" : clearanceLevel;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region == null ? "" : region;
    }

    public boolean isBotFightMode() {
        return botFightMode;
    }

    public void setBotFightMode(boolean botFightMode) {
        this.botFightMode = botFightMode;
    }

    public boolean isOfflabel() {
        return offlabel;
    }

    public void setOfflabel(boolean offlabel) {
        this.offlabel = offlabel;
    }

    public boolean isEphemeralId() {
        return ephemeralId;
    }

    public void setEphemeralId(boolean ephemeralId) {
        this.ephemeralId = ephemeralId;
    }

}
