package com.turnstileadmin.analytics;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turnstile's event types, as Cloudflare names them (documented for its Logpush
 * {@code turnstile_events} dataset, seen the same in GraphQL). There is no client-side
 * "failed" event: a challenge issued and never solved leaves only its
 * {@link #CHALLENGE_ISSUED}.
 */
public enum EventType {

    CHALLENGE_ISSUED("challenge_issued"),

    NON_INTERACTIVE_SOLVED("challenge_non_interactive_solved"),

    INTERACTIVE_SOLVED("challenge_interactive_solved"),

    NON_INTERACTIVE_SITEVERIFY_SOLVED("challenge_non_interactive_siteverify_solved"),

    INTERACTIVE_SITEVERIFY_SOLVED("challenge_interactive_siteverify_solved"),

    CLEARANCE_SITEVERIFY_SOLVED("challenge_clearance_siteverify_solved"),

    SITEVERIFY_FAILED_DOUBLE_REDEMPTION("challenge_siteverify_failed_double_redemption"),

    SITEVERIFY_FAILED_INVALID_TOKEN("challenge_siteverify_failed_invalid_token"),

    SITEVERIFY_FAILED_OTHER("challenge_siteverify_failed_other"),

    SITEVERIFY_RATELIMITED("challenge_siteverify_ratelimited"),

    /** A type Cloudflare added since: counted in no total, kept rather than refused. */
    OTHER("");

    private static final Map<String, EventType> BY_WIRE_NAME = Arrays.stream(values())
        .filter(type -> type != OTHER)
        .collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /**
     * As Cloudflare names it, e.g. {@code challenge_issued}; empty for {@link #OTHER}.
     */
    public String wireName() {
        return wireName;
    }

    /**
     * The type Cloudflare's name stands for; {@link #OTHER} for one this app does not
     * know.
     */
    public static EventType fromWireName(String name) {
        return BY_WIRE_NAME.getOrDefault(name, OTHER);
    }

}
