package com.turnstileadmin.widget;

import java.util.List;

/**
 * The tool a widget was created or last changed with ({@code deployed_via}, {@code
 * last_modified_via}), as Cloudflare reports it. Unknown values are kept as they came
 * (see {@link WidgetMode}).
 */
public record WidgetOrigin(String value) {

    public static final WidgetOrigin WRANGLER = new WidgetOrigin("wrangler");

    public static final WidgetOrigin DASHBOARD = new WidgetOrigin("dashboard");

    public static final WidgetOrigin SPIN = new WidgetOrigin("spin");

    public static final WidgetOrigin API = new WidgetOrigin("api");

    public static final WidgetOrigin UNKNOWN = new WidgetOrigin("unknown");

    public static final List<WidgetOrigin> KNOWN = List.of(WRANGLER, DASHBOARD, SPIN, API, UNKNOWN);

    public WidgetOrigin {
        OpenValues.requireText(value, "origin");
    }

    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    @Override
    public String toString() {
        return value;
    }
}
