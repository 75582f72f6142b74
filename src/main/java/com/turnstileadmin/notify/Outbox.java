package com.turnstileadmin.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notification outbox in the shared database: events with a delivery per destination,
 * written in the caller's transaction; claimed by the dispatchers of every replica with
 * {@code FOR UPDATE SKIP LOCKED}, so that two never send the same delivery, and a lease
 * after which a dispatcher that stopped mid-send is replaced.
 */
@Repository
class Outbox {

    static final String PENDING = "PENDING";

    static final String DELIVERED = "DELIVERED";

    static final String FAILED = "FAILED";

    private final JdbcTemplate jdbc;

    /**
     * The oldest pending delivery of each destination and widget, if due. On PostgreSQL
     * found by grouping (a few ms for thousands pending, 40 to 70 ms for 100,000): its
     * planner ran a "no earlier one pending" subquery per row through the status index on
     * a table not yet analyzed, 0.7 s a claim with 2,000 pending. H2 runs that subquery
     * fast (about 600 claims a second) and the grouping slowly (60).
     */
    private static final String HEADS_BY_GROUPING = "SELECT d.id FROM notification_delivery d WHERE d.id IN"
            + " (SELECT MIN(h.id) FROM notification_delivery h WHERE h.status = 'PENDING'"
            + " GROUP BY h.destination, h.ordering_key)"
            + " AND d.next_attempt_at <= ? AND (d.claimed_until IS NULL OR d.claimed_until < ?)";

    private static final String HEADS_BY_SUBQUERY = "SELECT d.id FROM notification_delivery d"
            + " WHERE d.status = 'PENDING' AND d.next_attempt_at <= ?"
            + " AND (d.claimed_until IS NULL OR d.claimed_until < ?)"
            + " AND NOT EXISTS (SELECT 1 FROM notification_delivery e WHERE e.destination = d.destination"
            + " AND e.ordering_key = d.ordering_key AND e.status = 'PENDING' AND e.id < d.id)";

    private final TransactionTemplate transactions;

    private final String heads;

    Outbox(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        String database = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        this.heads = "PostgreSQL".equalsIgnoreCase(database) ? HEADS_BY_GROUPING : HEADS_BY_SUBQUERY;
    }

    /** The event and one delivery to each destination, due now. */
    void add(NotificationEvent event, String json, Collection<String> destinations, Instant now) {
        jdbc.update(
                "INSERT INTO notification_event (id, type, account_id, sitekey, occurred_at, payload)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                event.id(), event.type().wireName(), event.account().id(),
                event.widget() == null ? null : event.widget().sitekey(), timestamp(event.occurredAt()), json);
        String key = orderingKey(event);
        for (String destination : destinations) {
            jdbc.update(
                    "INSERT INTO notification_delivery (event_id, destination, ordering_key, status, attempts,"
                            + " created_at, next_attempt_at) VALUES (?, ?, ?, ?, 0, ?, ?)",
                    event.id(), destination, key, PENDING, timestamp(now), timestamp(now));
        }
    }

    /**
     * Up to {@code limit} deliveries due, each the oldest pending one of its destination
     * and widget (so that a widget's events arrive in order), leased until {@code until};
     * none that another dispatcher holds.
     */
    List<Claimed> claim(Instant now, Instant until, int limit) {
        return transactions.execute(status -> {
            List<Long> ids = jdbc.queryForList(
                    heads + " ORDER BY d.id FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED", Long.class,
                    timestamp(now), timestamp(now));
            if (ids.isEmpty()) {
                return List.of();
            }
            OffsetDateTime lease = timestamp(until);
            String in = String.join(",", ids.stream().map(id -> "?").toList());
            Object[] leaseAndIds = new Object[ids.size() + 1];
            leaseAndIds[0] = lease;
            for (int i = 0; i < ids.size(); i++) {
                leaseAndIds[i + 1] = ids.get(i);
            }
            jdbc.update("UPDATE notification_delivery SET claimed_until = ? WHERE id IN (" + in + ")", leaseAndIds);
            return jdbc.query("SELECT d.id, d.destination, d.attempts, d.created_at, e.payload"
                    + " FROM notification_delivery d JOIN notification_event e ON e.id = d.event_id WHERE d.id IN ("
                    + in + ") ORDER BY d.id", (row, n) -> claimed(row, until), ids.toArray());
        });
    }

    /**
     * Records the attempt's outcome, if the lease is still this dispatcher's: the
     * delivery is then delivered, failed, or due again at {@code next}.
     */
    void attempted(Claimed delivery, SendResult result, Instant now, @Nullable Instant next) {
        String status = result.delivered() ? DELIVERED : next == null ? FAILED : PENDING;
        jdbc.update(
                "UPDATE notification_delivery SET status = ?, attempts = attempts + 1, last_attempt_at = ?,"
                        + " last_status = ?, last_response = ?, next_attempt_at = ?, claimed_until = NULL,"
                        + " delivered_at = ? WHERE id = ? AND claimed_until = ?",
                status, timestamp(now), result.status(), result.excerpt(), timestamp(next == null ? now : next),
                result.delivered() ? timestamp(now) : null, delivery.id(), timestamp(delivery.leasedUntil()));
    }

    /**
     * Due again at once, failed or not: an admin's "retry now". Whether there was one.
     */
    boolean retryNow(long id, Instant now) {
        return jdbc.update("UPDATE notification_delivery SET status = 'PENDING', next_attempt_at = ?,"
                + " claimed_until = NULL WHERE id = ? AND status <> 'DELIVERED'", timestamp(now), id) == 1;
    }

    /**
     * Forgets what is done with: deliveries delivered or failed before {@code before},
     * and events none of whose deliveries is left. A pending delivery is kept however
     * old, so is its event. Run by every replica it deletes the same rows, which is
     * harmless; the schedule runs it on one at a time all the same. How many deliveries
     * went.
     */
    int forget(Instant before) {
        return transactions.execute(status -> {
            int deliveries = jdbc.update("DELETE FROM notification_delivery WHERE status <> 'PENDING'"
                    + " AND COALESCE(last_attempt_at, created_at) < ?", timestamp(before));
            jdbc.update(
                    "DELETE FROM notification_event WHERE occurred_at < ? AND NOT EXISTS"
                            + " (SELECT 1 FROM notification_delivery d WHERE d.event_id = notification_event.id)",
                    timestamp(before));
            return deliveries;
        });
    }

    /** How many deliveries of each status (what the tests check). */
    Map<String, Integer> counts() {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.query("SELECT status, COUNT(*) AS n FROM notification_delivery GROUP BY status", (ResultSet row) -> {
            counts.put(row.getString("status"), row.getInt("n"));
        });
        return counts;
    }

    /** A destination's latest deliveries, newest first. */
    List<Delivery> latest(String destination, int limit) {
        return jdbc.query(
                "SELECT d.id, d.event_id, e.type, e.sitekey, d.status, d.attempts, d.created_at,"
                        + " d.next_attempt_at, d.last_attempt_at, d.last_status, d.last_response, d.delivered_at"
                        + " FROM notification_delivery d JOIN notification_event e ON e.id = d.event_id"
                        + " WHERE d.destination = ? ORDER BY d.id DESC FETCH FIRST " + limit + " ROWS ONLY",
                (row, n) -> new Delivery(row.getLong("id"), row.getString("event_id"), row.getString("type"),
                        row.getString("sitekey"), row.getString("status"), row.getInt("attempts"),
                        instant(row, "created_at"), instant(row, "next_attempt_at"), instant(row, "last_attempt_at"),
                        (Integer) row.getObject("last_status"), row.getString("last_response"),
                        instant(row, "delivered_at")),
                destination);
    }

    /**
     * A destination's events arrive in order per widget; an event about the account alone
     * is ordered with the account's.
     */
    private static String orderingKey(NotificationEvent event) {
        return event.account().id() + "/" + (event.widget() == null ? "" : event.widget().sitekey());
    }

    private static Claimed claimed(ResultSet row, Instant until) throws SQLException {
        return new Claimed(row.getLong("id"), row.getString("destination"), row.getInt("attempts"),
                instant(row, "created_at"), row.getString("payload"), until.truncatedTo(ChronoUnit.MICROS));
    }

    /** Both databases keep microseconds: the lease written is the one compared. */
    private static OffsetDateTime timestamp(Instant at) {
        return OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    /** A delivery a dispatcher holds until {@code leasedUntil}. */
    record Claimed(long id, String destination, int attempts, Instant createdAt, String payload, Instant leasedUntil) {
    }

    /** A delivery as the log shows it. */
    record Delivery(long id, String eventId, String type, @Nullable String sitekey, String status, int attempts,
            Instant createdAt, Instant nextAttemptAt, @Nullable Instant lastAttemptAt, @Nullable Integer lastStatus,
            @Nullable String lastResponse, @Nullable Instant deliveredAt) {
    }

}
