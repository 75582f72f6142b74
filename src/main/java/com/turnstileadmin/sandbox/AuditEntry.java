package com.turnstileadmin.sandbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an account's audit log: a write to a widget, by whoever made it, in the
 * shape of Cloudflare's audit logs (version 2).
 *
 * @param sequence the order in which the sandbox recorded it, for ties in time
 * @param id a UUID, as Cloudflare's entry ids are
 */
record AuditEntry(long sequence, String id, Instant time, SandboxAccount account, WidgetWrite write, Caller caller,
        String rayId) {

    /**
     * The sandbox's one user, who owns both tokens and the legacy key: 32 hexadecimal
     * characters, as Cloudflare's user ids.
     */
    static final String USER_ID = "3f9a1c7e5b2d4e60a8c1f4b7d9e2a6c5";

    static final String REDACTED = "[REDACTED]";

    /**
     * A write as the widget API made it.
     *
     * @param type the action as Cloudflare derives it from the HTTP method:
     * {@code create} for a POST (a rotation too), {@code update} for a PUT,
     * {@code delete} for a DELETE
     * @param description the operation's summary in Cloudflare's OpenAPI document
     * @param request the request's JSON body, if it had one
     * @param response the widget answered
     */
    record WidgetWrite(String type, String description, String method, String uri, int statusCode, String sitekey,
            @Nullable Object request, Object response) {
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("account", Map.of("id", account.id().value(), "name", account.name()));
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("description", write.description());
        action.put("result", "success");
        action.put("time", SandboxJson.timestamp(time));
        action.put("type", write.type());
        json.put("action", action);
        json.put("actor", actor());
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("cf_ray_id", rayId);
        raw.put("method", write.method());
        raw.put("status_code", write.statusCode());
        raw.put("uri", write.uri());
        raw.put("user_agent", caller.userAgent() == null ? "" : caller.userAgent());
        json.put("raw", raw);
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("id", write.sitekey());
        resource.put("product", "turnstile");
        if (write.request() != null) {
            resource.put("request", redacted(write.request()));
        }
        resource.put("response", redacted(write.response()));
        resource.put("scope", "accounts");
        resource.put("type", "widget");
        json.put("resource", resource);
        // Widgets belong to the account, not to a zone.
        json.put("zone", Map.of());
        return json;
    }

    private Map<String, Object> actor() {
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("id", USER_ID);
        actor.put("context", caller.context());
        actor.put("email", SandboxServer.ACCOUNT_EMAIL);
        actor.put("ip_address", caller.ipAddress());
        if (caller.token() != null) {
            actor.put("token_id", caller.token().id());
            actor.put("token_name", caller.token().name());
        }
        actor.put("type", "user");
        return actor;
    }

    /**
     * A copy with every {@code secret} replaced: Cloudflare marks the widget's secret
     * sensitive, so its audit logs never show it.
     */
    static Object redacted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key),
                    "secret".equals(key) ? REDACTED : item == null ? null : redacted(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> item == null ? null : redacted(item)).toList();
        }
        return value;
    }

}
