package com.turnstileadmin.reconcile;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.audit.Attribution;
import com.turnstileadmin.audit.AuditAction;
import com.turnstileadmin.audit.AuditTrail;
import com.turnstileadmin.audit.FieldChange;
import com.turnstileadmin.audit.OutsideActor;
import com.turnstileadmin.audit.OutsideChange;
import com.turnstileadmin.widget.AllWidgets;
import com.turnstileadmin.widget.CloudflareApiException;
import com.turnstileadmin.widget.CloudflareUnavailableException;
import com.turnstileadmin.widget.SettingChanges;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.TurnstileWidgets;
import com.turnstileadmin.widget.Widget;
import com.turnstileadmin.widget.WidgetOrigin;
import com.turnstileadmin.widget.WidgetQuery;
import com.turnstileadmin.widget.WidgetSetting;
import com.turnstileadmin.widget.WidgetSettings;
import com.turnstileadmin.widget.WidgetWithSecret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the changes made to an account's widgets outside the dashboard: reads every
 * widget (a page of 1,000 per call), compares each with the state the dashboard last
 * knew, and records every difference it did not make itself in the audit trail, as
 * someone else's. A secret rotated is found by reading the widget with its secret (one
 * call each): when its {@code modified_on} moved with no setting changed, and for the
 * widgets whose secret was checked longest ago with the calls left of the run.
 *
 * <p>
 * The dashboard's own writes are never reported: one in flight has a row in
 * {@code pending_write}, and one that ended has written its state, whose
 * {@code modified_on} is newer than the read's ({@link JdbcOwnWrites}); such widgets are
 * left for the next run. Each change is stored with the known state, in one transaction,
 * on the condition that the state is still the one compared with: a write of the
 * dashboard or another run meanwhile wins, and nothing is recorded twice.
 */
public class Reconciler {

    /**
     * A write in flight for longer is taken to be one whose replica stopped; its row is
     * then ignored, and deleted.
     */
    static final Duration STALE_WRITE = Duration.ofMinutes(5);

    /** The pages of the audit logs a run may read to name who made its changes. */
    static final int AUDIT_LOG_CALLS = 2;

    /**
     * How far from a widget's {@code modified_on} its audit log entry may be: the two are
     * Cloudflare's times of one request.
     */
    static final Duration MATCH_WITHIN = Duration.ofMinutes(2);

    /**
     * How far back the audit logs are searched for a change that has no time of its own
     * (a delete, a rotation found by a check): since the last run, but no longer ago than
     * this after the reconciler was stopped, as the pages read begin at the oldest.
     */
    static final Duration UNDATED_WITHIN = Duration.ofDays(1);

    private final TurnstileWidgets cloudflare;

    private final AccountAuditLogs auditLogs;

    private final KnownWidgets known;

    private final AuditTrail audit;

    private final TransactionTemplate transactions;

    private final ReconcilerProperties properties;

    private final Clock clock;

    private final Function<WidgetSetting<?>, String> labels;

    Reconciler(TurnstileWidgets cloudflare, AccountAuditLogs auditLogs, KnownWidgets known, AuditTrail audit,
            TransactionTemplate transactions, ReconcilerProperties properties, Clock clock, MessageSource messages) {
        this.cloudflare = cloudflare;
        this.auditLogs = auditLogs;
        this.known = known;
        this.audit = audit;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.labels = WidgetSetting.trailLabels(messages);
    }

    /**
     * One run for the account, within its calls
     * ({@link ReconcilerProperties#callsPerRun}). Throws what the adapter throws for the
     * list ({@code CloudflareUnavailableException} while Cloudflare rate-limits the
     * account, without a call): nothing is then changed.
     */
    public Run reconcile(AccountId account) {
        long started = System.nanoTime();
        Calls calls = new Calls(properties.callsPerRun());
        // The list may be an answer shared from a read up to this much older (a user's):
        // a widget another replica made since then is missing from it, not deleted.
        Instant readFrom = clock.instant().minus(cloudflare.sharedAnswerAge());
        AllWidgets read = AllWidgets.read(cloudflare, account, WidgetQuery.firstPage(), calls.limit(), calls::spend);
        known.forgetWritesBefore(readFrom.minus(STALE_WRITE));
        boolean baseline = !known.baselined(account);
        Instant lastRead = known.lastRead(account);
        Map<Sitekey, KnownWidget> before = known.of(account);
        KnownWidgets.InFlight inFlight = known.inFlight(account, readFrom.minus(STALE_WRITE));
        List<Found> found = new ArrayList<>();
        Set<Sitekey> listed = new HashSet<>();
        Set<Sitekey> checked = new HashSet<>();
        for (Widget widget : read.widgets()) {
            Sitekey sitekey = widget.sitekey();
            listed.add(sitekey);
            KnownWidget last = before.get(sitekey);
            // A state known newer than the one read: the dashboard's write after the
            // read.
            if (inFlight.sitekeys().contains(sitekey)
                    || (last != null && last.modifiedOn().isAfter(widget.modifiedOn()))) {
                continue;
            }
            if (last == null) {
                if (baseline) {
                    known.add(account, widget, null, clock.instant());
                }
                else if (!inFlight.create()) {
                    note(found,
                            outside(account, AuditAction.CREATE, widget,
                                    SettingChanges.initial(widget.settings(), labels)),
                            () -> known.add(account, widget, null, clock.instant()));
                }
            }
            else if (last.deleted()) {
                // Deleted through the dashboard since: the read is older than that.
                continue;
            }
            else if (!widget.settings().equals(last.settings())) {
                note(found,
                        outside(account, AuditAction.UPDATE, widget,
                                SettingChanges.between(last.settings(), widget.settings(), labels)),
                        () -> known.replace(account, last, widget, null, clock.instant()), last.settings());
            }
            else if (widget.modifiedOn().isAfter(last.modifiedOn()) && calls.spend()) {
                // Nothing the dashboard shows changed: a rotation, if the secret did.
                checked.add(sitekey);
                checkSecret(account, last, widget, found);
            }
        }
        if (read.complete() && !baseline) {
            before.values()
                .stream()
                .filter(last -> !last.deleted() && !listed.contains(last.sitekey())
                        && !inFlight.sitekeys().contains(last.sitekey()) && !last.changedAt().isAfter(readFrom))
                // Missing from the list is not yet deleted (a list shared from before the
                // widget was made, a replica's clock behind): Cloudflare's 404 says so.
                .filter(last -> calls.spend() && gone(account, last.sitekey()))
                .forEach(last -> note(found,
                        new OutsideChange(account, AuditAction.DELETE, last.sitekey().value(), last.settings().name(),
                                clock.instant(), List.of(), null),
                        () -> known.deleteIfUnchanged(account, last, clock.instant())));
        }
        checkOldestSecrets(account, before, listed, checked, calls, found);
        if (baseline) {
            known.markBaselined(account, readFrom);
        }
        Map<AuditAction, Integer> recorded = new EnumMap<>(AuditAction.class);
        for (Found change : attributed(account, found, undatedSince(lastRead, readFrom), calls)) {
            record(recorded, change);
        }
        known.markRead(account, readFrom);
        return new Run(account, baseline, read.widgets().size(), read.complete(), recorded, calls.spent(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** Whether Cloudflare answers that the widget does not exist. */
    private boolean gone(AccountId account, Sitekey sitekey) {
        try {
            cloudflare.get(account, sitekey);
            return false;
        }
        catch (CloudflareApiException refused) {
            return refused.isNotFound();
        }
    }

    /**
     * With the calls left of the run, the secrets of the widgets checked longest ago (or
     * never): how a rotation is found where Cloudflare leaves {@code modified_on} be.
     */
    private void checkOldestSecrets(AccountId account, Map<Sitekey, KnownWidget> before, Set<Sitekey> listed,
            Set<Sitekey> checked, Calls calls, List<Found> found) {
        List<KnownWidget> oldestFirst = before.values()
            .stream()
            .filter(last -> !last.deleted() && listed.contains(last.sitekey()) && !checked.contains(last.sitekey()))
            .sorted(Comparator.comparing(KnownWidget::secretCheckedAt,
                    Comparator.nullsFirst(Comparator.naturalOrder())))
            .toList();
        for (KnownWidget last : oldestFirst) {
            // A call or two kept for the audit logs, which name who made the changes.
            if (!calls.spendLeaving(AUDIT_LOG_CALLS) || !checkSecret(account, last, null, found)) {
                return;
            }
        }
    }

    /**
     * Reads the widget with its secret and records a rotation if the secret is not the
     * one known; a first digest is only kept. Whether the token may read secrets.
     * @param listed the widget as the list showed it, if it moved
     */
    private boolean checkSecret(AccountId account, KnownWidget last, @Nullable Widget listed, List<Found> found) {
        WidgetWithSecret current;
        try {
            current = cloudflare.get(account, last.sitekey());
        }
        catch (CloudflareApiException refused) {
            // Gone since the list (the next run finds it deleted), or not for this token.
            return refused.isNotFound();
        }
        Widget widget = current.widget();
        if (!widget.settings().equals(last.settings())) {
            // Changed since the list: compared with it on the next run.
            return true;
        }
        String digest = SecretDigest.of(current.secret());
        if (last.secretDigest() != null && !last.secretDigest().equals(digest)) {
            // Found by a check, not because modified_on moved: it happened since the last
            // check, and now is the nearest time known (modified_on may be months old).
            OutsideChange rotation = outside(account, AuditAction.ROTATE_SECRET, widget, List.of());
            note(found, listed == null ? rotation.at(clock.instant()) : rotation,
                    () -> known.replace(account, last, widget, digest, clock.instant()));
        }
        else if (listed != null) {
            known.replace(account, last, widget, digest, clock.instant());
        }
        else {
            known.checkedSecret(account, last, digest, clock.instant());
        }
        return true;
    }

    private static OutsideChange outside(AccountId account, AuditAction action, Widget widget,
            List<FieldChange> changes) {
        WidgetOrigin via = widget.lastModifiedVia();
        return new OutsideChange(account, action, widget.sitekey().value(), widget.name(), widget.modifiedOn(), changes,
                via == null ? null : via.value());
    }

    /** A change found, to be recorded once the audit logs have said who made it. */
    private static void note(List<Found> found, OutsideChange change, BooleanSupplier storeIfUnchanged) {
        found.add(new Found(change, storeIfUnchanged, null));
    }

    /**
     * As {@link #note(List, OutsideChange, BooleanSupplier)}, for a change a revert can
     * undo by putting back {@code base}.
     */
    private static void note(List<Found> found, OutsideChange change, BooleanSupplier storeIfUnchanged,
            WidgetSettings base) {
        found.add(new Found(change, storeIfUnchanged, base));
    }

    /**
     * Stores the state and records the change in one transaction, if the state is still
     * the one compared with.
     */
    private void record(Map<AuditAction, Integer> recorded, Found found) {
        Boolean stored = transactions.execute(status -> {
            // A write of the dashboard begun since the run read the in-flight writes (its
            // secret check came later) may be what was found: left for the next run.
            KnownWidgets.InFlight writing = known.inFlight(found.change().account(),
                    clock.instant().minus(STALE_WRITE));
            if (writing.sitekeys().contains(new Sitekey(found.change().sitekey()))
                    || (writing.create() && found.change().action() == AuditAction.CREATE)
                    || !found.storeIfUnchanged().getAsBoolean()) {
                return false;
            }
            audit.outside(found.change());
            if (found.change().action() != AuditAction.DELETE) {
                known.markOutside(found.change().account(), new Sitekey(found.change().sitekey()), clock.instant(),
                        found.base());
            }
            return true;
        });
        if (Boolean.TRUE.equals(stored)) {
            recorded.merge(found.change().action(), 1, Integer::sum);
        }
    }

    /**
     * The changes, each put to the name the account's audit logs give it (one call for
     * them all, usually), or said why not: the token may not read them, or nothing
     * matched. Without a call left, or with the logs out of reach, they stay unnamed.
     */
    private List<Found> attributed(AccountId account, List<Found> found, Instant undatedSince, Calls calls) {
        int pages = Math.min(AUDIT_LOG_CALLS, calls.left());
        if (found.isEmpty() || pages == 0) {
            return found;
        }
        Instant earliest = found.stream()
            .map(change -> change.change().occurredAt())
            .filter(at -> at.isBefore(undatedSince))
            .min(Comparator.naturalOrder())
            .orElse(undatedSince);
        List<AuditLogEntry> entries;
        try {
            AccountAuditLogs.Read read = auditLogs.widgetEntries(account, earliest.minus(MATCH_WITHIN),
                    clock.instant().plus(MATCH_WITHIN), pages);
            calls.spendUpTo(read.calls());
            entries = read.entries();
        }
        catch (CloudflareApiException refused) {
            calls.spendUpTo(1);
            Attribution why = refused.isAuthenticationFailure() ? Attribution.PERMISSION_MISSING : Attribution.UNNAMED;
            return found.stream().map(change -> change.attributed(null, why)).toList();
        }
        catch (CloudflareUnavailableException unavailable) {
            calls.spendUpTo(1);
            return found;
        }
        return found.stream().map(change -> {
            AuditLogEntry entry = AuditLogMatch.of(change.change(), entries, MATCH_WITHIN);
            return entry == null ? change.attributed(null, Attribution.UNNAMED) : change.attributed(entry);
        }).toList();
    }

    /**
     * Since when a change found without a time of its own happened: the last run's read,
     * or an interval ago before one was recorded.
     */
    private Instant undatedSince(@Nullable Instant lastRead, Instant readFrom) {
        Instant oldest = readFrom.minus(UNDATED_WITHIN);
        if (lastRead == null) {
            return readFrom.minus(properties.interval());
        }
        return lastRead.isBefore(oldest) ? oldest : lastRead;
    }

    /** A change found, and how to store its state if nobody wrote it meanwhile. */
    private record Found(OutsideChange change, BooleanSupplier storeIfUnchanged, @Nullable WidgetSettings base) {

        Found attributed(@Nullable OutsideActor actor, Attribution how) {
            return new Found(change.attributed(actor, how), storeIfUnchanged, base);
        }

        Found attributed(AuditLogEntry entry) {
            OutsideChange named = change.attributed(AuditLogMatch.actor(entry), Attribution.NAMED);
            return new Found(change.action() == AuditAction.ROTATE_SECRET
                    ? named.invalidating(entry.invalidateImmediately()) : named, storeIfUnchanged, base);
        }

    }

    /**
     * What one run did.
     *
     * @param baseline the account's first run, which only learns its widgets
     * @param complete whether every widget was read (deletes are only found then)
     * @param found the changes made outside, by kind
     */
    public record Run(AccountId account, boolean baseline, int widgets, boolean complete,
            Map<AuditAction, Integer> found, int calls, Duration took) {

        public int changes() {
            return found.values().stream().mapToInt(Integer::intValue).sum();
        }

    }

    /** The calls a run may make, counted as made. */
    private static final class Calls {

        private final int limit;

        private int spent;

        Calls(int limit) {
            this.limit = limit;
        }

        int limit() {
            return limit;
        }

        /** Takes a call if one is left: whether it did. */
        boolean spend() {
            return spendLeaving(0);
        }

        /** Takes a call if more than {@code kept} are left: whether it did. */
        boolean spendLeaving(int kept) {
            if (spent >= limit - kept) {
                return false;
            }
            spent++;
            return true;
        }

        int left() {
            return limit - spent;
        }

        /** Counts calls made elsewhere, up to the limit. */
        void spendUpTo(int calls) {
            spent = Math.min(limit, spent + calls);
        }

        int spent() {
            return spent;
        }

    }

}
