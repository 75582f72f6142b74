package com.turnstileadmin.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a rendered page or fragment with an HTML parser (jsoup), for assertions about its
 * structure: which element holds which text, which field carries which message, which
 * actions are offered.
 */
public final class Html {

    private Html() {
    }

    /**
     * The page or fragment as a document: a fragment lands in the body of an otherwise
     * empty one.
     */
    public static Document parse(String html) {
        return Jsoup.parse(html);
    }

    /** The {@code id}s of the page's elements, in document order. */
    public static Set<String> ids(String html) {
        Set<String> ids = new LinkedHashSet<>();
        parse(html).select("[id]").forEach(element -> ids.add(element.id()));
        return ids;
    }

    /**
     * The text of the one element the CSS query selects, its whitespace collapsed; fails
     * if there is none.
     */
    public static String text(String html, String cssQuery) {
        return parse(html).expectFirst(cssQuery).text();
    }

    /** The texts of every element the CSS query selects, in document order. */
    public static List<String> texts(String html, String cssQuery) {
        return parse(html).select(cssQuery).eachText();
    }

    /** The element the CSS query selects first; fails if there is none. */
    public static Element first(String html, String cssQuery) {
        return parse(html).expectFirst(cssQuery);
    }

    /** Whitespace-separated words, as a role table lists the ids a role is offered. */
    public static Set<String> words(String text) {
        return text.isBlank() ? Set.of() : Set.of(text.trim().split("\\s+"));
    }

}
