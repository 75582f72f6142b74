package com.turnstileadmin.widget;

import java.util.Objects;

/**
 * A widget's secret key. Its {@code toString()} never shows the value, so a secret that
 * ends up in a log statement or an exception message by mistake is not leaked there.
 */
public record WidgetSecret(String value) {

    public WidgetSecret {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "WidgetSecret[redacted]";
    }
}
