package com.turnstileadmin.web;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what a test needs from a rendered page, without a parser: the pages are the app's own. */
public final class Html {

    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");

    private Html() {
    }

    /** The {@code id}s of the page's elements. */
    public static Set<String> ids(String html) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher matcher = ID.matcher(html);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    /** Whitespace-separated words, as a role table lists the ids a role is offered. */
    public static Set<String> words(String text) {
        return text.isBlank() ? Set.of() : Set.of(text.trim().split("\\s+"));
    }
}
