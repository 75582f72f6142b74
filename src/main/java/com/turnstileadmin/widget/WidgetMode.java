package com.turnstileadmin.widget;

import java.util.List;

/**
 * How the widget challenges visitors. Cloudflare may add modes this app does not know
 * yet, so the raw value is kept as it came and {@link #isKnown()} tells whether it is one
 * of ours.
 */
public record WidgetMode(String value) {

    public static final WidgetMode NON_INTERACTIVE = new WidgetMode("non-interactive");

    public static final WidgetMode INVISIBLE = new WidgetMode("invisible");

    public static final WidgetMode MANAGED = new WidgetMode("managed");

    public static final List<WidgetMode> KNOWN = List.of(MANAGED, NON_INTERACTIVE, INVISIBLE);

    public WidgetMode {
        OpenValues.requireText(value, "mode");
    }

    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    @Override
    public String toString() {
        return value;
    }
}
