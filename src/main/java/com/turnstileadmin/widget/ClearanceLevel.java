package com.turnstileadmin.widget;

import java.util.List;

/**
 * The pre-clearance a solved challenge grants when the widget is embedded on a Cloudflare
 * zone. Unknown values are kept as they came (see {@link WidgetMode}).
 */
public record ClearanceLevel(String value) {

    public static final ClearanceLevel NO_CLEARANCE = new ClearanceLevel("no_clearance");

    public static final ClearanceLevel JS_CHALLENGE = new ClearanceLevel("jschallenge");

    public static final ClearanceLevel MANAGED = new ClearanceLevel("managed");

    public static final ClearanceLevel INTERACTIVE = new ClearanceLevel("interactive");

    public static final List<ClearanceLevel> KNOWN = List.of(NO_CLEARANCE, JS_CHALLENGE, MANAGED, INTERACTIVE);

    public ClearanceLevel {
        OpenValues.requireText(value, "clearance level");
    }

    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    @Override
    public String toString() {
        return value;
    }
}
