package com.turnstileadmin.widget;

import java.util.Objects;

/**
 * Narrows a listing to widgets whose name or sitekey contains the text, ignoring case. An
 * empty text matches every widget.
 */
public record WidgetFilter(Field field, String text) {

    public enum Field {

        NAME, SITEKEY

    }

    public WidgetFilter {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(text, "text");
    }

    public static WidgetFilter nameContains(String text) {
        return new WidgetFilter(Field.NAME, text);
    }

    public static WidgetFilter sitekeyContains(String text) {
        return new WidgetFilter(Field.SITEKEY, text);
    }
}
