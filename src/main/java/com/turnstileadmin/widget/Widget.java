package com.turnstileadmin.widget;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Turnstile widget as the dashboard shows it: everything but the secret, which only
 * travels in a {@link WidgetWithSecret} and only when it is asked for.
 *
 * @param settings the writable part, the starting point of an edit that keeps what it
 * does not change
 * @param deployedVia the tool that created the widget; absent for widgets older than the
 * field
 * @param lastModifiedVia the tool of the latest change; absent for widgets older than the
 * field
 */
public record Widget(Sitekey sitekey, WidgetSettings settings, Instant createdOn, Instant modifiedOn,
        @Nullable WidgetOrigin deployedVia, @Nullable WidgetOrigin lastModifiedVia) {

    public Widget {
        Objects.requireNonNull(sitekey, "sitekey");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(createdOn, "createdOn");
        Objects.requireNonNull(modifiedOn, "modifiedOn");
    }

    /**
     * What people call the widget (its sitekey is what tells two of the same name apart).
     */
    public String name() {
        return settings.name();
    }
}
