package com.turnstileadmin.widget;

/** Checks shared by the value types whose set of values Cloudflare may extend. */
final class OpenValues {

    private OpenValues() {
    }

    static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A widget " + what + " must not be blank");
        }
    }

}
