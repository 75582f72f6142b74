package com.turnstileadmin.widget.web;

import com.turnstileadmin.widget.ClearanceLevel;
import com.turnstileadmin.widget.DomainNames;
import com.turnstileadmin.widget.Region;
import com.turnstileadmin.widget.Widget;
import com.turnstileadmin.widget.WidgetMode;
import com.turnstileadmin.widget.WidgetSettings;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * What the create and edit form holds, as the user typed it: strings, so that anything can be
 * shown back with its error. {@link WidgetFormValidator} checks it; {@link #toSettings} maps it to
 * the domain only after that.
 *
 * <p>An edit form also carries the widget as it was when the form was opened ({@code base*} and
 * {@code modifiedOn}): the service compares them with the widget's current state to detect a
 * change made by someone else, and to apply this edit on top of it.
 */
public class WidgetForm {

    private String name = "";
    private String domains = "";
    private String mode = WidgetMode.MANAGED.value();
    private String clearanceLevel = ClearanceLevel.NO_CLEARANCE.value();
    private String region = Region.WORLD.value();
    private boolean botFightMode;
    private boolean offlabel;
    private boolean ephemeralId;

    private String modifiedOn = "";
    /** A new-widget form's one-time token (see {@link SentCreateForms}); empty on an edit. */
    private String createToken = "";
    private String baseName = "";
    private String baseDomains = "";
    private String baseMode = "";
    private String baseClearanceLevel = "";
    private boolean baseBotFightMode;
    private boolean baseOfflabel;
    private boolean baseEphemeralId;

    /** A form filled with the widget's current settings, as the edit page opens it. */
    public static WidgetForm of(Widget widget) {
        WidgetForm form = new WidgetForm();
        form.fillFrom(widget.settings());
        form.rebase(widget);
        return form;
    }

    /** Makes the widget's current state the one this edit is based on. */
    public void rebase(Widget widget) {
        WidgetSettings current = widget.settings();
        modifiedOn = widget.modifiedOn().toString();
        baseName = current.name();
        baseDomains = String.join("\n", current.domains());
        baseMode = current.mode().value();
        baseClearanceLevel = current.clearanceLevel().value();
        baseBotFightMode = current.botFightMode();
        baseOfflabel = current.offlabel();
        baseEphemeralId = current.ephemeralId();
        region = current.region().value();
    }

    /** Puts the settings into the fields the user edits. */
    public void fillFrom(WidgetSettings settings) {
        name = settings.name();
        domains = String.join("\n", settings.domains());
        mode = settings.mode().value();
        clearanceLevel = settings.clearanceLevel().value();
        region = settings.region().value();
        botFightMode = settings.botFightMode();
        offlabel = settings.offlabel();
        ephemeralId = settings.ephemeralId();
    }

    /** The settings the user asked for; call only once the form has passed validation. */
    public WidgetSettings toSettings() {
        return new WidgetSettings(name.trim(), DomainNames.normalize(domains), new WidgetMode(mode),
                new ClearanceLevel(clearanceLevel), new Region(region), botFightMode, offlabel, ephemeralId);
    }

    /** The settings the edit started from. */
    public WidgetSettings baseSettings() {
        return new WidgetSettings(baseName, DomainNames.normalize(baseDomains), new WidgetMode(baseMode),
                new ClearanceLevel(baseClearanceLevel), new Region(region), baseBotFightMode, baseOfflabel,
                baseEphemeralId);
    }

    /** When the widget was last modified as the edit form saw it. */
    public Instant openedAtModification() {
        return Instant.parse(modifiedOn);
    }

    public boolean isEdit() {
        return !modifiedOn.isEmpty();
    }

    /**
     * Whether the hidden fields that say which version an edit began on came back whole. Only a
     * tampered or cut-off form lacks them; such a form cannot be checked for conflicts, so it is not saved.
     */
    public boolean hasIntactBase() {
        try {
            Instant.parse(modifiedOn);
        } catch (DateTimeParseException malformed) {
            return false;
        }
        return !baseName.isBlank() && !baseMode.isBlank() && !baseClearanceLevel.isBlank() && !region.isBlank();
    }

    /** Which of the typed domains are sent in their ASCII form, and how; "" when none. */
    public String domainsNote() {
        return DomainNames.conversionNote(domains);
    }

    public List<String> normalizedDomains() {
        return DomainNames.normalize(domains);
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

    public String getCreateToken() {
        return createToken;
    }

    public void setCreateToken(String createToken) {
        this.createToken = createToken == null ? "" : createToken;
    }

    public String getModifiedOn() {
        return modifiedOn;
    }

    public void setModifiedOn(String modifiedOn) {
        this.modifiedOn = modifiedOn == null ? "" : modifiedOn;
    }

    public String getBaseName() {
        return baseName;
    }

    public void setBaseName(String baseName) {
        this.baseName = baseName == null ? "" : baseName;
    }

    public String getBaseDomains() {
        return baseDomains;
    }

    public void setBaseDomains(String baseDomains) {
        this.baseDomains = baseDomains == null ? "" : baseDomains;
    }

    public String getBaseMode() {
        return baseMode;
    }

    public void setBaseMode(String baseMode) {
        this.baseMode = baseMode == null ? "" : baseMode;
    }

    public String getBaseClearanceLevel() {
        return baseClearanceLevel;
    }

    public void setBaseClearanceLevel(String baseClearanceLevel) {
        this.baseClearanceLevel = baseClearanceLevel == null ? "" : baseClearanceLevel;
    }

    public boolean isBaseBotFightMode() {
        return baseBotFightMode;
    }

    public void setBaseBotFightMode(boolean baseBotFightMode) {
        this.baseBotFightMode = baseBotFightMode;
    }

    public boolean isBaseOfflabel() {
        return baseOfflabel;
    }

    public void setBaseOfflabel(boolean baseOfflabel) {
        this.baseOfflabel = baseOfflabel;
    }

    public boolean isBaseEphemeralId() {
        return baseEphemeralId;
    }

    public void setBaseEphemeralId(boolean baseEphemeralId) {
        this.baseEphemeralId = baseEphemeralId;
    }
}
