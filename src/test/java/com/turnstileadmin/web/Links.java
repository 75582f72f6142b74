package com.turnstileadmin.web;

import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** The addresses a rendered page leads to, read with an HTML parser. */
public final class Links {

    /** The attributes that hold an address the browser or htmx follows. */
    private static final List<String> ATTRIBUTES = List.of("href", "src", "action", "hx-get", "hx-post");

    private Links() {
    }

    /**
     * Every address on the page (links, forms, scripts, htmx requests), but anchors
     * within it ({@code #content}).
     */
    public static List<String> of(String html) {
        return Jsoup.parse(html)
            .select("[href], [src], [action], [hx-get], [hx-post]")
            .stream()
            .flatMap(Links::addresses)
            .filter(address -> !address.startsWith("#"))
            .toList();
    }

    /**
     * The page's addresses that do not lie under the context path: none, for a page that
     * works under one.
     */
    public static List<String> outside(String contextPath, String html) {
        return of(html).stream().filter(address -> !address.startsWith(contextPath + "/")).toList();
    }

    private static Stream<String> addresses(Element element) {
        return ATTRIBUTES.stream().filter(element::hasAttr).map(element::attr);
    }

}
