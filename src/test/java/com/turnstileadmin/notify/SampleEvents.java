package com.turnstileadmin.notify;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/** Events as the app publishes them, one of each type, for the channels' tests. */
final class SampleEvents {

    static final String ACCOUNT_ID = "023e105f4ecef8ad9ca31a8372d0c353";

    static final String SITEKEY = "0x4AAAAAAAc6HG9ZtFs7Ghm1";

    static final String URL = "https://turnstile-admin.example.com/accounts/" + ACCOUNT_ID + "/widgets/" + SITEKEY;

    static final Instant AT = Instant.parse("2026-12-07T15:56:18Z");

    private SampleEvents() {
    }

    /**
     * An event of the type about "Shop widget" in "Acme", with what that type carries.
     */
    static NotificationEvent of(EventType type) {
        return about(type, "Shop widget", changesOf(type));
    }

    static NotificationEvent about(EventType type, String widgetName, List<NotificationEvent.Change> changes) {
        boolean aboutTheAccount = type == EventType.CLOUDFLARE_UNREACHABLE || type == EventType.TEST;
        boolean noticed = aboutTheAccount || type == EventType.GRACE_PERIOD_ENDING
                || type == EventType.SOLVE_RATE_DROPPED || type == EventType.INVALID_TOKENS_RISING;
        boolean outside = type == EventType.CHANGED_OUTSIDE;
        return new NotificationEvent("evt_" + type.ordinal() + "5f0c1e2d3b4a59687766554433221100", type, AT,
                new NotificationEvent.Account(ACCOUNT_ID, "Acme"),
                aboutTheAccount ? null : new NotificationEvent.WidgetRef(widgetName, SITEKEY, URL),
                noticed ? null
                        : outside ? new NotificationEvent.Actor("ada@acme.example", "outside", "wrangler")
                                : new NotificationEvent.Actor("Notify Admin", "user", null),
                outside ? "updated" : null, changes, type == EventType.SECRET_ROTATED ? Boolean.TRUE : null,
                detailOf(type));
    }

    /**
     * A change of the domains from {@code before} to {@code after} hostnames, each long.
     */
    static NotificationEvent.Change domains(int before, int after) {
        return new NotificationEvent.Change("Domains", hostnames(before), hostnames(after));
    }

    private static String hostnames(int count) {
        return IntStream.range(0, count)
            .mapToObj(i -> "shop-" + i + ".checkout.eu-west.storefront-" + i + ".acme-retail.example.com")
            .collect(Collectors.joining(", "));
    }

    private static List<NotificationEvent.Change> changesOf(EventType type) {
        return switch (type) {
            case WIDGET_CREATED -> List.of(new NotificationEvent.Change("Name", null, "Shop widget"),
                    new NotificationEvent.Change("Domains", null, "shop.acme.example"),
                    new NotificationEvent.Change("Mode", null, "managed"));
            case WIDGET_UPDATED -> List.of(new NotificationEvent.Change("Mode", "managed", "invisible"));
            case CHANGED_OUTSIDE -> List.of(domains(2, 3));
            default -> List.of();
        };
    }

    private static @Nullable String detailOf(EventType type) {
        return switch (type) {
            case ROTATION_REFUSED -> "Cloudflare: 10000 Authentication error";
            case GRACE_PERIOD_ENDING -> "The old secret stops working at 2026-12-07 16:11:18 UTC.";
            case SOLVE_RATE_DROPPED -> "The solve rate fell from 92% to 41% over the last hour.";
            case INVALID_TOKENS_RISING -> "18% of the tokens checked in the last hour were invalid (threshold 5%).";
            case CLOUDFLARE_UNREACHABLE -> "No answer from Cloudflare for 15 minutes.";
            default -> null;
        };
    }

}
