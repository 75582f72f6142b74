package com.turnstileadmin.widget;

import java.util.Objects;

/** The order of a widget listing. */
public record WidgetSort(Field field, Direction direction) {

    public enum Field {

        ID, SITEKEY, NAME, CREATED_ON, MODIFIED_ON

    }

    public enum Direction {

        ASC, DESC

    }

    public WidgetSort {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(direction, "direction");
    }

    public static WidgetSort ascending(Field field) {
        return new WidgetSort(field, Direction.ASC);
    }

    public static WidgetSort descending(Field field) {
        return new WidgetSort(field, Direction.DESC);
    }
}
