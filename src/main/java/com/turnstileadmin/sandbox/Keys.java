package com.turnstileadmin.sandbox;

import java.security.SecureRandom;
import java.util.Random;

/**
 * Sitekeys, secrets and credentials shaped like Cloudflare's: a sitekey is
 * {@code 0x4AAAAAAA} and 14 URL-safe characters (24 in all), a secret the same prefix and
 * 25 more (35 in all).
 */
final class Keys {

    private static final String PREFIX = "0x4AAAAAAA";

    private static final char[] URL_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
        .toCharArray();

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final SecureRandom random = new SecureRandom();

    String sitekey() {
        return sitekey(random);
    }

    /**
     * A sitekey drawn from the given source: a seeded one gives the demo widgets the same
     * sitekeys at every start.
     */
    static String sitekey(Random source) {
        return PREFIX + characters(source, URL_SAFE, 14);
    }

    String secret() {
        return PREFIX + characters(URL_SAFE, 25);
    }

    /**
     * An API token for the sandbox account: 40 URL-safe characters, like Cloudflare's.
     */
    String apiToken() {
        return characters(URL_SAFE, 40);
    }

    /** An id of 32 hexadecimal characters, like Cloudflare's ids of users and tokens. */
    String hexId() {
        return characters(HEX, 32);
    }

    /** A legacy global API key: 37 hexadecimal characters, like Cloudflare's. */
    String globalApiKey() {
        return characters(HEX, 37);
    }

    private String characters(char[] alphabet, int count) {
        return characters(random, alphabet, count);
    }

    private static String characters(Random source, char[] alphabet, int count) {
        StringBuilder text = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            text.append(alphabet[source.nextInt(alphabet.length)]);
        }
        return text.toString();
    }

}
