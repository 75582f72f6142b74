package com.turnstileadmin.notify;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event as JSON, in the shape the Standard Webhooks specification suggests:
 * {@code {"type": "widget.updated", "timestamp": "...", "data": {...}}}, snake_case, the
 * times in ISO 8601. The shape is documented in the README (Notifications) and only
 * grows: receivers ignore what they do not know.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    private EventJson() {
    }

    public static String write(NotificationEvent event) {
        return MAPPER.writeValueAsString(new Wire(event.type().wireName(), event.occurredAt(),
                new Data(event.id(), event.account(), event.widget(), event.actor(), event.action(), event.changes(),
                        event.invalidateImmediately(), event.detail())));
    }

    /** The event written by {@link #write}, as it was then. */
    public static NotificationEvent read(String json) {
        Wire wire = MAPPER.readValue(json, Wire.class);
        EventType type = EventType.of(wire.type())
            .orElseThrow(() -> new IllegalArgumentException("Unknown event type " + wire.type()));
        Data data = wire.data();
        return new NotificationEvent(data.id(), type, wire.timestamp(), data.account(), data.widget(), data.actor(),
                data.action(), data.changes(), data.invalidateImmediately(), data.detail());
    }

    record Wire(String type, Instant timestamp, Data data) {
    }

    record Data(String id, NotificationEvent.Account account, NotificationEvent.@Nullable WidgetRef widget,
            NotificationEvent.@Nullable Actor actor, @Nullable String action, List<NotificationEvent.Change> changes,
            @Nullable Boolean invalidateImmediately, @Nullable String detail) {
    }

}
