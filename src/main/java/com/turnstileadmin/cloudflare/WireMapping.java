package com.turnstileadmin.cloudflare;

import com.turnstileadmin.widget.ClearanceLevel;
import com.turnstileadmin.widget.Region;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.Widget;
import com.turnstileadmin.widget.WidgetFilter;
import com.turnstileadmin.widget.WidgetMode;
import com.turnstileadmin.widget.WidgetOrigin;
import com.turnstileadmin.widget.WidgetSecret;
import com.turnstileadmin.widget.WidgetSetting;
import com.turnstileadmin.widget.WidgetSettings;
import com.turnstileadmin.widget.WidgetSort;
import com.turnstileadmin.widget.WidgetWithSecret;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Explicit mapping between the wire payloads and the domain types. A payload that lacks a
 * field the domain cannot do without is an {@link InvalidPayloadException}; an enum value
 * we do not know is kept as it came.
 */
final class WireMapping {

    /**
     * Each setting under the name its field has in {@link WirePayloads.WidgetBody}
     * (snake_case on the wire), which is what the pointer of an error about it names.
     */
    private static final Map<String, WidgetSetting<?>> BODY_FIELDS = Map.of("name", WidgetSetting.NAME, "domains",
            WidgetSetting.DOMAINS, "mode", WidgetSetting.MODE, "clearance_level", WidgetSetting.CLEARANCE_LEVEL,
            "region", WidgetSetting.REGION, "bot_fight_mode", WidgetSetting.BOT_FIGHT_MODE, "offlabel",
            WidgetSetting.OFFLABEL, "ephemeral_id", WidgetSetting.EPHEMERAL_ID);

    private WireMapping() {
    }

    /**
     * The setting of the request field an error's JSON pointer names
     * ({@code /bot_fight_mode}, or {@code /domains/2} for one of the domains);
     * {@code null} for none, or a field that is not a setting.
     */
    static @Nullable WidgetSetting<?> settingAt(@Nullable String pointer) {
        if (pointer == null || !pointer.startsWith("/")) {
            return null;
        }
        return BODY_FIELDS.get(pointer.substring(1).split("/", 2)[0]);
    }

    static WirePayloads.WidgetBody toBody(WidgetSettings settings) {
        return new WirePayloads.WidgetBody(settings.name(), settings.domains(), settings.mode().value(),
                settings.clearanceLevel().value(), settings.region().value(), settings.botFightMode(),
                settings.offlabel(), settings.ephemeralId());
    }

    static String orderParameter(WidgetSort.Field field) {
        return switch (field) {
            case ID -> "id";
            case SITEKEY -> "sitekey";
            case NAME -> "name";
            case CREATED_ON -> "created_on";
            case MODIFIED_ON -> "modified_on";
        };
    }

    static String directionParameter(WidgetSort.Direction direction) {
        return switch (direction) {
            case ASC -> "asc";
            case DESC -> "desc";
        };
    }

    static String filterParameter(WidgetFilter filter) {
        String field = switch (filter.field()) {
            case NAME -> "name";
            case SITEKEY -> "sitekey";
        };
        return field + ":" + filter.text();
    }

    static Widget toWidget(WirePayloads.Widget payload) {
        String sitekey = required(payload.sitekey(), "sitekey");
        if (!Sitekey.isValid(sitekey)) {
            throw new InvalidPayloadException("sitekey has an unexpected shape");
        }
        return new Widget(new Sitekey(sitekey),
                new WidgetSettings(required(payload.name(), "name"),
                        payload.domains() == null ? List.of() : payload.domains(),
                        new WidgetMode(required(payload.mode(), "mode")),
                        payload.clearanceLevel() == null ? ClearanceLevel.NO_CLEARANCE
                                : new ClearanceLevel(payload.clearanceLevel()),
                        payload.region() == null ? Region.WORLD : new Region(payload.region()),
                        Boolean.TRUE.equals(payload.botFightMode()), Boolean.TRUE.equals(payload.offlabel()),
                        Boolean.TRUE.equals(payload.ephemeralId())),
                timestamp(payload.createdOn(), "created_on"), timestamp(payload.modifiedOn(), "modified_on"),
                origin(payload.deployedVia()), origin(payload.lastModifiedVia()));
    }

    static WidgetWithSecret toWidgetWithSecret(WirePayloads.Widget payload) {
        return new WidgetWithSecret(toWidget(payload), new WidgetSecret(required(payload.secret(), "secret")));
    }

    private static @Nullable WidgetOrigin origin(@Nullable String value) {
        return value == null || value.isBlank() ? null : new WidgetOrigin(value);
    }

    private static Instant timestamp(@Nullable String value, String field) {
        try {
            return OffsetDateTime.parse(required(value, field)).toInstant();
        }
        catch (DateTimeParseException e) {
            throw new InvalidPayloadException(field + " is not an RFC 3339 timestamp");
        }
    }

    private static <T> T required(@Nullable T value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new InvalidPayloadException("the widget has no " + field);
        }
        return value;
    }

    /** A well-formed JSON answer that is not the widget Cloudflare documents. */
    static final class InvalidPayloadException extends RuntimeException {

        InvalidPayloadException(String message) {
            super(message);
        }

    }

}
