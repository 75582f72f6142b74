package com.turnstileadmin.notify;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a notification tells: each has a stable name ({@code widget.secret_rotated}),
 * which receivers switch on and destinations choose by. Never renamed; new ones may be
 * added.
 */
public enum EventType {

    WIDGET_CREATED("widget.created"), WIDGET_UPDATED("widget.updated"), WIDGET_DELETED("widget.deleted"),
    SECRET_ROTATED("widget.secret_rotated"), SECRET_REVEALED("widget.secret_revealed"),
    ROTATION_REFUSED("widget.rotation_refused"), CHANGED_OUTSIDE("widget.changed_outside"),
    GRACE_PERIOD_ENDING("widget.grace_period_ending"), SOLVE_RATE_DROPPED("widget.solve_rate_dropped"),
    INVALID_TOKENS_RISING("widget.invalid_tokens_rising"), CLOUDFLARE_UNREACHABLE("cloudflare.unreachable"),
    /** Sent by an admin's "send test", to that destination alone. */
    TEST("test");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** As payloads and configuration name it, e.g. {@code widget.secret_rotated}. */
    public String wireName() {
        return wireName;
    }

    /** The type of a wire name, case-insensitively. */
    public static Optional<EventType> of(String wireName) {
        String name = wireName.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }

}
