package com.turnstileadmin.sandbox;

import java.util.List;

/**
 * Turnstile's event types as the dataset names them. The sandbox keeps its own list
 * rather than the app's, so that the two readings of the API stay independent; a slot's
 * counts are indexed by {@link #ordinal()}.
 */
enum EventKind {

    ISSUED("challenge_issued"),

    NON_INTERACTIVE_SOLVED("challenge_non_interactive_solved"),

    INTERACTIVE_SOLVED("challenge_interactive_solved"),

    NON_INTERACTIVE_SITEVERIFY_SOLVED("challenge_non_interactive_siteverify_solved"),

    INTERACTIVE_SITEVERIFY_SOLVED("challenge_interactive_siteverify_solved"),

    CLEARANCE_SITEVERIFY_SOLVED("challenge_clearance_siteverify_solved"),

    SITEVERIFY_FAILED_DOUBLE_REDEMPTION("challenge_siteverify_failed_double_redemption"),

    SITEVERIFY_FAILED_INVALID_TOKEN("challenge_siteverify_failed_invalid_token"),

    SITEVERIFY_FAILED_OTHER("challenge_siteverify_failed_other"),

    SITEVERIFY_RATELIMITED("challenge_siteverify_ratelimited");

    static final List<EventKind> ALL = List.of(values());

    static final int COUNT = ALL.size();

    private final String wireName;

    EventKind(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

}
