package com.turnstileadmin.widget;

import java.util.regex.Pattern;

/**
 * A widget's public identifier. Checked before it is ever put into a URL path, so that nothing a
 * user types can walk the Cloudflare API's paths ({@code ../}) or exceed its 32-character limit.
 */
public record Sitekey(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    public Sitekey {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("A sitekey is 1 to 32 letters, digits, '-' or '_'");
        }
    }

    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
