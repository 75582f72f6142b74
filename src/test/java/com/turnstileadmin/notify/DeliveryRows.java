package com.turnstileadmin.notify;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/** The outbox as the channels' tests read it. */
final class DeliveryRows {

    private DeliveryRows() {
    }

    /**
     * The delivery to the destination of the first event about the widget so named: its
     * status, attempts, last status and response, those that are set, by upper-case name
     * (H2 and PostgreSQL spell them differently); empty if there is none yet.
     */
    static Map<String, Object> of(JdbcTemplate jdbc, String destination, String widgetName) {
        return jdbc
            .queryForList("SELECT d.status, d.attempts, d.last_status, d.last_response FROM notification_delivery d"
                    + " JOIN notification_event e ON e.id = d.event_id WHERE d.destination = ? AND e.payload LIKE ?"
                    + " ORDER BY d.id", destination, "%\"" + widgetName + "\"%")
            .stream()
            .findFirst()
            .map(row -> row.entrySet()
                .stream()
                .filter(entry -> entry.getValue() != null)
                .collect(Collectors.toMap(entry -> entry.getKey().toUpperCase(Locale.ROOT), Map.Entry::getValue)))
            .orElse(Map.of());
    }

}
