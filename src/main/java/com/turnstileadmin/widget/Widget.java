package com.turnstileadmin.widget;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Turnstile widget as the dashboard shows it: everything but the secret, which only travels in a
 * {@link WidgetWithSecret} and only when it is asked for.
 *
 * @param deployedVia the tool that created the widget; absent for widgets older than the field
 * @param lastModifiedVia the tool of the latest change; absent for widgets older than the field
 */
public record Widget(
        Sitekey sitekey,
        String name,
        List<String> domains,
        WidgetMode mode,
        ClearanceLevel clearanceLevel,
        Region region,
        boolean botFightMode,
        boolean offlabel,
        boolean ephemeralId,
        Instant createdOn,
        Instant modifiedOn,
        @Nullable WidgetOrigin deployedVia,
        @Nullable WidgetOrigin lastModifiedVia) {

    public Widget {
        Objects.requireNonNull(sitekey, "sitekey");
        Objects.requireNonNull(name, "name");
        domains = List.copyOf(domains);
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(clearanceLevel, "clearanceLevel");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(createdOn, "createdOn");
        Objects.requireNonNull(modifiedOn, "modifiedOn");
    }

    /** The writable part of this widget, the starting point of an edit that keeps what it does not change. */
    public WidgetSettings settings() {
        return new WidgetSettings(name, domains, mode, clearanceLevel, region, botFightMode, offlabel, ephemeralId);
    }
}
