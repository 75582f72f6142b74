package com.turnstileadmin.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox's answers in Cloudflare's wire format: the envelope, widgets in snake_case
 * with RFC 3339 microsecond timestamps, and {@code result_info} for listings. Written
 * independently of the adapter's payload types, so that the contract tests compare two
 * readings of the API.
 */
final class SandboxJson {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
        .withZone(ZoneOffset.UTC);

    private SandboxJson() {
    }

    static Map<String, Object> success(Object result) {
        Map<String, Object> envelope = envelope(true);
        envelope.put("result", result);
        return envelope;
    }

    static Map<String, Object> listing(WidgetStore.Page page) {
        List<Object> widgets = new ArrayList<>();
        page.widgets().forEach(widget -> widgets.add(widget(widget, false)));
        Map<String, Object> envelope = success(widgets);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("page", page.page());
        info.put("per_page", page.perPage());
        info.put("count", widgets.size());
        info.put("total_count", page.totalCount());
        envelope.put("result_info", info);
        return envelope;
    }

    static Map<String, Object> failure(int code, String message, @Nullable String pointer) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        if (pointer != null) {
            error.put("source", Map.of("pointer", pointer));
        }
        Map<String, Object> envelope = envelope(false);
        envelope.put("errors", List.of(error));
        envelope.put("result", null);
        return envelope;
    }

    /** A widget; listings leave out the secret, as Cloudflare's do. */
    static Map<String, Object> widget(SandboxWidget widget, boolean withSecret) {
        WidgetInput settings = widget.settings();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sitekey", widget.sitekey());
        if (withSecret) {
            json.put("secret", widget.secret());
        }
        json.put("name", settings.name());
        json.put("domains", settings.domains());
        json.put("mode", settings.mode());
        json.put("clearance_level", settings.clearanceLevel());
        json.put("region", settings.region());
        json.put("bot_fight_mode", settings.botFightMode());
        json.put("offlabel", settings.offlabel());
        json.put("ephemeral_id", settings.ephemeralId());
        json.put("created_on", timestamp(widget.createdOn()));
        json.put("modified_on", timestamp(widget.modifiedOn()));
        // Omitted, not null, for widgets older than these fields, as Cloudflare does.
        if (widget.deployedVia() != null) {
            json.put("deployed_via", widget.deployedVia());
        }
        if (widget.lastModifiedVia() != null) {
            json.put("last_modified_via", widget.lastModifiedVia());
        }
        return json;
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    private static Map<String, Object> envelope(boolean success) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("success", success);
        envelope.put("errors", List.of());
        envelope.put("messages", List.of());
        return envelope;
    }

}
