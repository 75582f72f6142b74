package com.turnstileadmin.widget;

import java.util.Objects;

/**
 * A widget's page with its secret, for someone who asked to see it and whose reveal was
 * recorded.
 */
public record RevealedSecret(WidgetDetails details, WidgetSecret secret) {

    public RevealedSecret {
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(secret, "secret");
    }
}
