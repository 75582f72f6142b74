package com.turnstileadmin.widget;

import java.util.regex.Pattern;

/**
 * A widget's public identifier. Checked before it is ever put into a URL path, so that
 * nothing a user types can walk the Cloudflare API's paths ({@code ../}) or exceed its
 * 32-character limit.
 */
public record Sitekey(String value) {

    private static final int CONFIRMATION_LENGTH = 6;

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    public Sitekey {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("A sitekey is 1 to 32 letters, digits, '-' or '_'");
        }
    }

    /**
     * What a user types to confirm a destructive step on this widget (delete, rotate with
     * immediate invalidation): its last six characters. Plain letters and digits that any
     * keyboard types, shown in the dialog and unique enough to say which widget is meant,
     * where a name may have an em dash or be shared by several widgets.
     */
    public String confirmationCode() {
        return value.substring(Math.max(0, value.length() - CONFIRMATION_LENGTH));
    }

    /**
     * Whether {@code typed} is this sitekey's {@link #confirmationCode()}, ignoring
     * surrounding spaces.
     */
    public boolean isConfirmedBy(String typed) {
        return typed != null && typed.strip().equals(confirmationCode());
    }

    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
