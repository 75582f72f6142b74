package com.turnstileadmin.widget;

import java.util.List;

/**
 * Where the widget may be used; fixed when the widget is created. Unknown values are kept
 * as they came (see {@link WidgetMode}).
 */
public record Region(String value) {

    public static final Region WORLD = new Region("world");

    public static final Region CHINA = new Region("china");

    public static final List<Region> KNOWN = List.of(WORLD, CHINA);

    public Region {
        OpenValues.requireText(value, "region");
    }

    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    @Override
    public String toString() {
        return value;
    }
}
