package com.turnstileadmin.sandbox;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of a widget listing, checked as Cloudflare checks them.
 *
 * @param filterField {@code name} or {@code sitekey}, or {@code null} for no filter
 * @param filterText lower-cased; matched as a substring
 */
record ListRequest(int page, int perPage, String order, String direction, @Nullable String filterField,
        String filterText) {

    static final List<String> ORDERS = List.of("id", "sitekey", "name", "created_on", "modified_on");
    static final List<String> DIRECTIONS = List.of("asc", "desc");

    static ListRequest parse(Map<String, String> query) {
        int page = integer(query, "page", 1, 1, Integer.MAX_VALUE);
        int perPage = integer(query, "per_page", 25, 5, 1000);
        String order = choice(query, "order", "id", ORDERS);
        String direction = choice(query, "direction", "asc", DIRECTIONS);
        String filter = query.getOrDefault("filter", "");
        if (filter.isEmpty()) {
            return new ListRequest(page, perPage, order, direction, null, "");
        }
        int colon = filter.indexOf(':');
        if (colon < 0) {
            throw SandboxError.badRequest("Invalid filter format: expected field:value");
        }
        String field = filter.substring(0, colon);
        if (!field.equals("name") && !field.equals("sitekey")) {
            throw SandboxError.badRequest("Unsupported filter field '" + field + "': use name or sitekey");
        }
        return new ListRequest(page, perPage, order, direction, field,
                filter.substring(colon + 1).toLowerCase(Locale.ROOT));
    }

    private static int integer(Map<String, String> query, String name, int defaultValue, int min, int max) {
        String value = query.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        }
        catch (NumberFormatException ignored) {
            // answered below, like an out-of-range number
        }
        throw SandboxError.badRequest(
                name + " must be a whole number from " + min + (max == Integer.MAX_VALUE ? " up" : " to " + max));
    }

    private static String choice(Map<String, String> query, String name, String defaultValue, List<String> allowed) {
        String value = query.getOrDefault(name, defaultValue);
        if (!allowed.contains(value)) {
            throw SandboxError.badRequest(name + " must be one of " + String.join(", ", allowed));
        }
        return value;
    }
}
