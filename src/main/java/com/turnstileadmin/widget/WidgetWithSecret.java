package com.turnstileadmin.widget;

import java.util.Objects;

/** A widget together with its current secret, as Cloudflare returns it for one widget. */
public record WidgetWithSecret(Widget widget, WidgetSecret secret) {

    public WidgetWithSecret {
        Objects.requireNonNull(widget, "widget");
        Objects.requireNonNull(secret, "secret");
    }
}
