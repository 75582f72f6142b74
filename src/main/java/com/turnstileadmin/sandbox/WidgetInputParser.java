package com.turnstileadmin.sandbox;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Validates the JSON body of a create or an update as Cloudflare does, refusing it with a
 * Cloudflare-style 400 that points at the offending field. Optional fields left out take
 * their defaults, in an update too: Cloudflare's update is a full replacement.
 */
final class WidgetInputParser {

    static final List<String> MODES = List.of("non-interactive", "invisible", "managed");
    static final List<String> CLEARANCE_LEVELS = List.of("no_clearance", "jschallenge", "managed", "interactive");
    static final List<String> REGIONS = List.of("world", "china");
    static final int MAX_NAME_LENGTH = 254;

    /**
     * Hostnames per widget on a Free account; Cloudflare allows up to
     * {@value #MAX_ENTERPRISE_DOMAINS} on Enterprise.
     */
    static final int MAX_DOMAINS = 10;
    static final int MAX_ENTERPRISE_DOMAINS = 200;

    private final boolean enterprise;

    WidgetInputParser(boolean enterprise) {
        this.enterprise = enterprise;
    }

    /**
     * @param defaultRegion the region when the body gives none: {@code world} for a
     * create, the widget's own for an update, since a region cannot change
     */
    WidgetInput parse(@Nullable JsonNode body, String defaultRegion) {
        if (body == null || !body.isObject()) {
            throw SandboxError.badRequest("The request body must be a JSON object");
        }
        String name = requiredString(body, "name");
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw SandboxError.invalidField("/name", "name must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        return new WidgetInput(name, domains(body.get("domains")), oneOf(requiredString(body, "mode"), MODES, "mode"),
                oneOf(optionalString(body, "clearance_level", "no_clearance"), CLEARANCE_LEVELS, "clearance_level"),
                oneOf(optionalString(body, "region", defaultRegion), REGIONS, "region"),
                enterpriseFlag(body, "bot_fight_mode"), enterpriseFlag(body, "offlabel"),
                enterpriseFlag(body, "ephemeral_id"));
    }

    private List<String> domains(@Nullable JsonNode node) {
        if (node == null || !node.isArray()) {
            throw SandboxError.invalidField("/domains", "domains is required and must be an array of hostnames");
        }
        TreeSet<String> domains = new TreeSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isString()) {
                throw SandboxError.invalidField("/domains/" + i, "domains must be strings");
            }
            String domain = item.stringValue().trim().toLowerCase(Locale.ROOT);
            if (!Hostnames.isValid(domain)) {
                throw SandboxError.invalidField("/domains/" + i, "Invalid domain '" + item.stringValue()
                        + "': use a hostname or an IP address, without scheme, port, path or wildcard");
            }
            domains.add(domain);
        }
        if (domains.isEmpty() && !enterprise) {
            throw SandboxError.invalidField("/domains", "At least one domain is required");
        }
        int max = enterprise ? MAX_ENTERPRISE_DOMAINS : MAX_DOMAINS;
        if (domains.size() > max) {
            // Cloudflare's own words (see the API notes' plan limits).
            throw SandboxError.invalidField("/domains",
                    "invalid value for 'domains', too many values (max: " + max + ")");
        }
        return List.copyOf(domains);
    }

    private boolean enterpriseFlag(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw SandboxError.invalidField("/" + field, field + " must be true or false");
        }
        if (node.booleanValue() && !enterprise) {
            throw new SandboxError(400, SandboxError.ENTERPRISE_ONLY, field + " is only available on Enterprise plans",
                    "/" + field);
        }
        return node.booleanValue();
    }

    private static String requiredString(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.isString()) {
            throw SandboxError.invalidField("/" + field, field + " is required and must be a string");
        }
        return node.stringValue();
    }

    private static String optionalString(JsonNode body, String field, String defaultValue) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        if (!node.isString()) {
            throw SandboxError.invalidField("/" + field, field + " must be a string");
        }
        return node.stringValue();
    }

    private static String oneOf(String value, List<String> allowed, String field) {
        if (!allowed.contains(value)) {
            throw SandboxError.invalidField("/" + field, field + " must be one of " + String.join(", ", allowed));
        }
        return value;
    }

}
