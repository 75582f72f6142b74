package com.turnstileadmin.reconcile;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.widget.ClearanceLevel;
import com.turnstileadmin.widget.OutsideChanges;
import com.turnstileadmin.widget.Region;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.Widget;
import com.turnstileadmin.widget.WidgetMode;
import com.turnstileadmin.widget.WidgetSettings;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The last known state of each widget ({@code known_widget}), the writes of the dashboard
 * in flight ({@code pending_write}) and the accounts read once
 * ({@code reconciled_account}), in the shared database, so that every replica sees what
 * any replica wrote. Plain SQL with explicit mapping: rows keyed by (account, sitekey),
 * updated on a condition.
 */
@Repository
class KnownWidgets {

    /**
     * Domains are kept one per line: a hostname has no line break, and the order is
     * Cloudflare's.
     */
    private static final String DOMAIN_SEPARATOR = "\n";

    /**
     * The state of a widget, its secret's digest kept unless a new one is given (with the
     * time it was read).
     */
    private static final String UPDATE_STATE = "UPDATE known_widget SET name = ?, domains = ?, mode = ?, "
            + "clearance_level = ?, region = ?, bot_fight_mode = ?, offlabel = ?, ephemeral_id = ?, modified_on = ?, "
            + "secret_digest = COALESCE(?, secret_digest), "
            + "secret_checked_at = CASE WHEN ? THEN ? ELSE secret_checked_at END, deleted = FALSE, changed_at = ?";

    private final JdbcTemplate jdbc;

    KnownWidgets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every widget known in the account, deleted ones too, by sitekey. */
    Map<Sitekey, KnownWidget> of(AccountId account) {
        Map<Sitekey, KnownWidget> known = new LinkedHashMap<>();
        jdbc.query("SELECT * FROM known_widget WHERE account_id = ?", (ResultSet row) -> {
            KnownWidget widget = map(row);
            known.put(widget.sitekey(), widget);
        }, account.value());
        return known;
    }

    /** The widget as known, if it is. */
    @Nullable KnownWidget find(AccountId account, Sitekey sitekey) {
        List<KnownWidget> found = jdbc.query("SELECT * FROM known_widget WHERE account_id = ? AND sitekey = ?",
                (row, number) -> map(row), account.value(), sitekey.value());
        return found.isEmpty() ? null : found.get(0);
    }

    /** Forgets all that is known of the account's widgets: its next run is a baseline. */
    void forget(AccountId account) {
        jdbc.update("DELETE FROM known_widget WHERE account_id = ?", account.value());
        jdbc.update("DELETE FROM reconciled_account WHERE account_id = ?", account.value());
        jdbc.update("DELETE FROM pending_write WHERE account_id = ?", account.value());
    }

    /** Whether the account's widgets were ever read: its first read is the baseline. */
    boolean baselined(AccountId account) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM reconciled_account WHERE account_id = ?",
                Integer.class, account.value());
        return count != null && count > 0;
    }

    void markBaselined(AccountId account, Instant at) {
        jdbc.update("INSERT INTO reconciled_account (account_id, baseline_at, last_read_at) VALUES (?, ?, ?)",
                account.value(), timestamp(at), timestamp(at));
    }

    /** When a run last read the account's widgets, if one was recorded. */
    @Nullable Instant lastRead(AccountId account) {
        List<Instant> read = jdbc.query("SELECT last_read_at FROM reconciled_account WHERE account_id = ?",
                (row, n) -> {
                    OffsetDateTime at = row.getObject("last_read_at", OffsetDateTime.class);
                    return at == null ? null : at.toInstant();
                }, account.value());
        return read.isEmpty() ? null : read.get(0);
    }

    void markRead(AccountId account, Instant at) {
        jdbc.update("UPDATE reconciled_account SET last_read_at = ? WHERE account_id = ?", timestamp(at),
                account.value());
    }

    /** The dashboard's writes to the account in flight, begun after {@code since}. */
    InFlight inFlight(AccountId account, Instant since) {
        Set<Sitekey> sitekeys = new HashSet<>();
        boolean[] create = { false };
        jdbc.query("SELECT sitekey FROM pending_write WHERE account_id = ? AND started_at > ?", (ResultSet row) -> {
            String sitekey = row.getString("sitekey");
            if (sitekey == null) {
                create[0] = true;
            }
            else {
                sitekeys.add(new Sitekey(sitekey));
            }
        }, account.value(), timestamp(since));
        return new InFlight(sitekeys, create[0]);
    }

    /**
     * The dashboard's writes in flight: to these widgets, and whether a create is (whose
     * sitekey nobody knows yet).
     */
    record InFlight(Set<Sitekey> sitekeys, boolean create) {
    }

    long startWrite(AccountId account, @Nullable Sitekey sitekey, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement(
                    "INSERT INTO pending_write (account_id, sitekey, started_at) VALUES (?, ?, ?)",
                    new String[] { "id" });
            insert.setString(1, account.value());
            insert.setString(2, sitekey == null ? null : sitekey.value());
            insert.setObject(3, timestamp(at));
            return insert;
        }, keys);
        return keys.getKeyAs(Long.class);
    }

    void endWrite(long id) {
        jdbc.update("DELETE FROM pending_write WHERE id = ?", id);
    }

    /** Forgets writes begun before {@code before}: left by a replica that stopped. */
    int forgetWritesBefore(Instant before) {
        return jdbc.update("DELETE FROM pending_write WHERE started_at <= ?", timestamp(before));
    }

    /**
     * Stores the widget's state as the dashboard's own write left it, unless a newer one
     * is known.
     * @param secretDigest {@code null} keeps the digest known
     */
    void put(AccountId account, Widget widget, @Nullable String secretDigest, Instant at) {
        // Never over a newer state: two writes of the widget may end in either order.
        int updated = jdbc.update(UPDATE_STATE + " WHERE account_id = ? AND sitekey = ? AND modified_on <= ?",
                stateAnd(widget, secretDigest, at, account, timestamp(widget.modifiedOn())));
        if (updated == 0 && find(account, widget.sitekey()) == null) {
            insert(account, widget, secretDigest, at);
        }
    }

    /**
     * Stores what the reconciler found, if the state is still {@code expected} (nobody
     * wrote it since it was read): whether it did.
     */
    boolean replace(AccountId account, KnownWidget expected, Widget widget, @Nullable String secretDigest, Instant at) {
        return jdbc.update(UPDATE_STATE + " WHERE account_id = ? AND sitekey = ? AND changed_at = ?",
                stateAnd(widget, secretDigest, at, account, timestamp(expected.changedAt()))) == 1;
    }

    /**
     * Stores a widget found for the first time, unless a write of the dashboard just did:
     * whether it did. No duplicate-key error, which would end the transaction around it
     * on PostgreSQL.
     */
    boolean add(AccountId account, Widget widget, @Nullable String secretDigest, Instant at) {
        if (find(account, widget.sitekey()) != null) {
            return false;
        }
        insert(account, widget, secretDigest, at);
        return true;
    }

    /**
     * Keeps the digest of a secret just read, if the state is still {@code expected}; the
     * state's time stays, as the state did.
     */
    void checkedSecret(AccountId account, KnownWidget expected, String secretDigest, Instant at) {
        jdbc.update(
                "UPDATE known_widget SET secret_digest = ?, secret_checked_at = ? "
                        + "WHERE account_id = ? AND sitekey = ? AND changed_at = ?",
                secretDigest, timestamp(at), account.value(), expected.sitekey().value(),
                timestamp(expected.changedAt()));
    }

    /**
     * Notes a change made outside that awaits someone keeping or reverting it: the first
     * one's time and the settings before it (if it has any to go back to) are kept.
     */
    void markOutside(AccountId account, Sitekey sitekey, Instant at, @Nullable WidgetSettings base) {
        jdbc.update(
                "UPDATE known_widget SET outside_since = COALESCE(outside_since, ?), "
                        + "base_domains = CASE WHEN base_name IS NULL THEN ? ELSE base_domains END, "
                        + "base_mode = CASE WHEN base_name IS NULL THEN ? ELSE base_mode END, "
                        + "base_clearance_level = CASE WHEN base_name IS NULL THEN ? ELSE base_clearance_level END, "
                        + "base_region = CASE WHEN base_name IS NULL THEN ? ELSE base_region END, "
                        + "base_bot_fight_mode = CASE WHEN base_name IS NULL THEN ? ELSE base_bot_fight_mode END, "
                        + "base_offlabel = CASE WHEN base_name IS NULL THEN ? ELSE base_offlabel END, "
                        + "base_ephemeral_id = CASE WHEN base_name IS NULL THEN ? ELSE base_ephemeral_id END, "
                        + "base_name = CASE WHEN base_name IS NULL THEN ? ELSE base_name END "
                        + "WHERE account_id = ? AND sitekey = ?",
                timestamp(at), base == null ? null : String.join(DOMAIN_SEPARATOR, base.domains()),
                base == null ? null : base.mode().value(), base == null ? null : base.clearanceLevel().value(),
                base == null ? null : base.region().value(), base == null ? null : base.botFightMode(),
                base == null ? null : base.offlabel(), base == null ? null : base.ephemeralId(),
                base == null ? null : base.name(), account.value(), sitekey.value());
    }

    /** The widgets of the account with a change made outside nobody kept or reverted. */
    Map<Sitekey, OutsideChanges.Pending> pendingOutside(AccountId account) {
        Map<Sitekey, OutsideChanges.Pending> pending = new LinkedHashMap<>();
        jdbc.query("SELECT * FROM known_widget WHERE account_id = ? AND outside_since IS NOT NULL AND deleted = FALSE",
                (ResultSet row) -> {
                    String name = row.getString("base_name");
                    WidgetSettings base = name == null ? null
                            : settings(name, row.getString("base_domains"), row.getString("base_mode"),
                                    row.getString("base_clearance_level"), row.getString("base_region"),
                                    row.getBoolean("base_bot_fight_mode"), row.getBoolean("base_offlabel"),
                                    row.getBoolean("base_ephemeral_id"));
                    pending.put(new Sitekey(row.getString("sitekey")),
                            new OutsideChanges.Pending(instant(row, "outside_since"), map(row).settings(), base));
                }, account.value());
        return pending;
    }

    /** Forgets the widget's change made outside: kept or reverted. */
    void settleOutside(AccountId account, Sitekey sitekey) {
        jdbc.update("UPDATE known_widget SET outside_since = NULL, base_name = NULL, base_domains = NULL, "
                + "base_mode = NULL, base_clearance_level = NULL, base_region = NULL, base_bot_fight_mode = NULL, "
                + "base_offlabel = NULL, base_ephemeral_id = NULL WHERE account_id = ? AND sitekey = ?",
                account.value(), sitekey.value());
    }

    /** Marks the widget deleted, whatever was known: the dashboard deleted it. */
    void delete(AccountId account, Sitekey sitekey, Instant at) {
        jdbc.update("UPDATE known_widget SET deleted = TRUE, changed_at = ? WHERE account_id = ? AND sitekey = ?",
                timestamp(at), account.value(), sitekey.value());
    }

    /**
     * Marks the widget deleted if the state is still {@code expected}: whether it did.
     */
    boolean deleteIfUnchanged(AccountId account, KnownWidget expected, Instant at) {
        return jdbc.update(
                "UPDATE known_widget SET deleted = TRUE, changed_at = ? "
                        + "WHERE account_id = ? AND sitekey = ? AND changed_at = ? AND deleted = FALSE",
                timestamp(at), account.value(), expected.sitekey().value(), timestamp(expected.changedAt())) == 1;
    }

    private void insert(AccountId account, Widget widget, @Nullable String secretDigest, Instant at) {
        WidgetSettings settings = widget.settings();
        jdbc.update("INSERT INTO known_widget (account_id, sitekey, name, domains, mode, clearance_level, region, "
                + "bot_fight_mode, offlabel, ephemeral_id, modified_on, secret_digest, secret_checked_at, deleted, "
                + "changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?)", account.value(),
                widget.sitekey().value(), settings.name(), String.join(DOMAIN_SEPARATOR, settings.domains()),
                settings.mode().value(), settings.clearanceLevel().value(), settings.region().value(),
                settings.botFightMode(), settings.offlabel(), settings.ephemeralId(), timestamp(widget.modifiedOn()),
                secretDigest, secretDigest == null ? null : timestamp(at), timestamp(at));
    }

    /** The SET values of an update, then its key, then the value of its condition. */
    private static Object[] stateAnd(Widget widget, @Nullable String secretDigest, Instant at, AccountId account,
            Object condition) {
        WidgetSettings settings = widget.settings();
        return new Object[] { settings.name(), String.join(DOMAIN_SEPARATOR, settings.domains()),
                settings.mode().value(), settings.clearanceLevel().value(), settings.region().value(),
                settings.botFightMode(), settings.offlabel(), settings.ephemeralId(), timestamp(widget.modifiedOn()),
                secretDigest, secretDigest != null, timestamp(at), timestamp(at), account.value(),
                widget.sitekey().value(), condition };
    }

    private static KnownWidget map(ResultSet row) throws SQLException {
        WidgetSettings settings = settings(row.getString("name"), row.getString("domains"), row.getString("mode"),
                row.getString("clearance_level"), row.getString("region"), row.getBoolean("bot_fight_mode"),
                row.getBoolean("offlabel"), row.getBoolean("ephemeral_id"));
        return new KnownWidget(new Sitekey(row.getString("sitekey")), settings, instant(row, "modified_on"),
                row.getString("secret_digest"), row.getObject("secret_checked_at", OffsetDateTime.class) == null ? null
                        : instant(row, "secret_checked_at"),
                row.getBoolean("deleted"), instant(row, "changed_at"));
    }

    private static WidgetSettings settings(String name, String domains, String mode, String clearanceLevel,
            String region, boolean botFightMode, boolean offlabel, boolean ephemeralId) {
        return new WidgetSettings(name, domains.isEmpty() ? List.of() : List.of(domains.split(DOMAIN_SEPARATOR)),
                new WidgetMode(mode), new ClearanceLevel(clearanceLevel), new Region(region), botFightMode, offlabel,
                ephemeralId);
    }

    /**
     * Both databases keep microseconds, so a time written is the time read back (which
     * the conditional updates compare).
     */
    private static OffsetDateTime timestamp(Instant at) {
        return OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

}
