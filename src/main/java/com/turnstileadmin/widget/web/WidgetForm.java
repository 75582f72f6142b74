package com.turnstileadmin.widget.web;

import com.turnstileadmin.widget.DomainNames;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.Widget;
import com.turnstileadmin.widget.WidgetSetting;
import com.turnstileadmin.widget.WidgetSettings;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the create and edit form holds: the settings as the user typed them
 * ({@code edited}), checked by {@link WidgetFormValidator} before {@link #toSettings}
 * maps them to the domain.
 *
 * <p>
 * An edit form also carries the widget as it was when the form was opened ({@code base})
 * and the version it was read at ({@code modifiedOn}): the service compares them with the
 * widget's current state to detect a change made by someone else, and to apply this edit
 * on top of it. A new widget's form has neither; it has a one-time token instead
 * ({@link SentCreateForms}).
 */
public class WidgetForm {

    private @Nullable Sitekey sitekey;

    private SettingsFields edited = new SettingsFields();

    private SettingsFields base = new SettingsFields();

    private @Nullable Instant modifiedOn;

    private String createToken = "";

    /** An empty form for a new widget, with a token of its own. */
    static WidgetForm create(String createToken) {
        WidgetForm form = new WidgetForm();
        form.createToken = createToken;
        return form;
    }

    /** A form filled with the widget's current settings, as the edit page opens it. */
    static WidgetForm of(Widget widget) {
        WidgetForm form = new WidgetForm().editing(widget.sitekey());
        form.fillFrom(widget.settings());
        form.rebase(widget);
        return form;
    }

    /**
     * Marks this as the form of the widget the address names, whatever the browser sent
     * (it is never bound).
     */
    WidgetForm editing(Sitekey widget) {
        this.sitekey = widget;
        return this;
    }

    /** Makes the widget's current state the one this edit is based on. */
    void rebase(Widget widget) {
        base = SettingsFields.of(widget.settings());
        modifiedOn = widget.modifiedOn();
    }

    /** Puts the settings into the fields the user edits. */
    void fillFrom(WidgetSettings settings) {
        edited = SettingsFields.of(settings);
    }

    /** The settings the user asked for; call only once the form has passed validation. */
    WidgetSettings toSettings() {
        return edited.toSettings();
    }

    /**
     * The settings the edit started from; only for a form with an
     * {@linkplain #hasIntactBase() intact base}.
     */
    WidgetSettings baseSettings() {
        return base.toSettings();
    }

    /** Whether this is the form of an existing widget rather than of a new one. */
    public boolean isEdit() {
        return sitekey != null;
    }

    /** The widget this form edits; {@code null} on a new widget's form. */
    public @Nullable Sitekey getSitekey() {
        return sitekey;
    }

    /**
     * Whether the hidden fields that say which version an edit began on came back whole.
     * Only a tampered or cut-off form lacks them; such a form cannot be checked for
     * conflicts, so it is not saved.
     */
    boolean hasIntactBase() {
        return modifiedOn != null && base.isComplete();
    }

    /** Which of the typed domains are sent in their ASCII form, and how; "" when none. */
    public String domainsNote() {
        return DomainNames.conversionNote(edited.getDomains());
    }

    /**
     * The path of a setting's field in the form's bindings and errors:
     * {@code edited.name}.
     */
    static String path(WidgetSetting<?> setting) {
        return "edited." + setting.field();
    }

    // Accessors for data binding.

    public SettingsFields getEdited() {
        return edited;
    }

    public void setEdited(SettingsFields edited) {
        this.edited = edited;
    }

    public SettingsFields getBase() {
        return base;
    }

    public void setBase(SettingsFields base) {
        this.base = base;
    }

    /**
     * When the widget was last modified as the edit form saw it; {@code null} on a new
     * widget's form.
     */
    public @Nullable Instant getModifiedOn() {
        return modifiedOn;
    }

    public void setModifiedOn(@Nullable Instant modifiedOn) {
        this.modifiedOn = modifiedOn;
    }

    public String getCreateToken() {
        return createToken;
    }

    public void setCreateToken(String createToken) {
        this.createToken = createToken == null ? "" : createToken;
    }

}
