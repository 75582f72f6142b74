package com.turnstileadmin.sandbox;

import org.jspecify.annotations.Nullable;

/**
 * The fields of the events a filter is tested against, set one level at a time (widget,
 * slot, event type, spread values) and reused, so that counting a month of slots
 * allocates nothing per slot.
 */
final class EventRow {

    @Nullable String siteKey;

    /** The slot's start, in epoch seconds: the events' {@code datetime}. */
    long slot;

    @Nullable String eventType;

    @Nullable String hostname;

    @Nullable String action;

    @Nullable String clientCountryName;

    /** The events' {@code date}, as days since the epoch. */
    long day() {
        return Math.floorDiv(slot, 86_400);
    }

    /** Sets a spread dimension's value, when the filter can ask for it. */
    void set(Dimension dimension, Object value) {
        switch (dimension) {
            case HOSTNAME -> hostname = (String) value;
            case ACTION -> action = (String) value;
            case CLIENT_COUNTRY_NAME -> clientCountryName = (String) value;
            default -> {
                // The filter has no field for the others.
            }
        }
    }

}
