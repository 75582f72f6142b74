package com.turnstileadmin.account;

import java.util.regex.Pattern;

/** A Cloudflare account identifier: 32 lower-case hexadecimal characters. */
public record AccountId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{32}");

    public AccountId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("A Cloudflare account id is 32 lower-case hexadecimal characters");
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
