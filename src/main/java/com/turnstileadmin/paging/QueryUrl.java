package com.turnstileadmin.paging;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A list's URL in one state: its path and only the query parameters that differ from
 * their defaults, in the order added, so that the link to a state is its shortest form,
 * ready to share. The path is context-relative (it starts with "/"); a template renders
 * it with {@code @{...}}, which adds the context path.
 */
public final class QueryUrl {

    private final String path;

    private final Map<String, Object> values = new LinkedHashMap<>();

    private QueryUrl(String path) {
        this.path = path;
    }

    public static QueryUrl of(String path) {
        return new QueryUrl(path);
    }

    /**
     * Adds the parameter unless its value is empty, which is every text filter's default.
     */
    public QueryUrl with(String name, String value) {
        if (!value.isEmpty()) {
            values.put(name, value);
        }
        return this;
    }

    /**
     * Adds the page size unless it is the default, then the page unless it is the first.
     */
    public QueryUrl with(Paging paging) {
        if (paging.size() != Paging.DEFAULT_SIZE) {
            values.put("size", paging.size());
        }
        if (paging.page() != 1) {
            values.put("page", paging.page());
        }
        return this;
    }

    @Override
    public String toString() {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
        // As URI variables, the values are encoded strictly: a '+' or '&' in a filter
        // stays itself.
        values.keySet().forEach(name -> url.queryParam(name, "{" + name + "}"));
        return url.encode().buildAndExpand(values).toUriString();
    }

}
