package com.turnstileadmin.audit;

import com.turnstileadmin.account.AccountId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record of who did what to which widget: written by the widget service as things
 * happen, read by admins. Reading it is guarded by the callers ({@code @PreAuthorize} on
 * the pages that show it).
 */
@Service
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private static final int BATCH = 500;

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id"));

    /**
     * The length of {@code audit_entry.actor_name}: an e-mail address, the longest
     * fallback, fits.
     */
    static final int ACTOR_NAME_LENGTH = 320;

    /** The length of {@code audit_entry.actor_subject}. */
    static final int SUBJECT_LENGTH = 255;

    /**
     * The length of {@code audit_entry.error}: Cloudflare's messages are short, but
     * nothing bounds them.
     */
    static final int ERROR_LENGTH = 2000;

    /** The actor of a change made outside, until the account's audit logs name them. */
    public static final String OUTSIDE_SUBJECT = "outside";

    public static final String OUTSIDE_NAME = "someone outside this dashboard";

    private final AuditRepository entries;

    private final JdbcAggregateOperations aggregates;

    private final Clock clock;

    private final MeterProvider<Counter> writes;

    private final ObjectProvider<AuditListener> listeners;

    private final TransactionTemplate transactions;

    AuditTrail(AuditRepository entries, JdbcAggregateOperations aggregates, Clock clock,
            ObjectProvider<MeterRegistry> registry, ObjectProvider<AuditListener> listeners,
            TransactionTemplate transactions) {
        this.entries = entries;
        this.aggregates = aggregates;
        this.clock = clock;
        this.listeners = listeners;
        this.transactions = transactions;
        // Slices of the app without metrics (@DataJdbcTest, say) count into a registry of
        // their own.
        this.writes = Counter.builder("turnstile.audit.writes")
            .description("Audit trail records written (stored) or that could not be stored (failed), by action")
            .withRegistry(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    /**
     * Records that the attempt succeeded.
     * @throws AuditWriteException if the record could not be stored (and the log says so)
     */
    public AuditEntry succeeded(Attempt attempt) {
        return store(attempt, AuditOutcome.SUCCEEDED, null);
    }

    /**
     * Records that the attempt failed, and why.
     * @param error Cloudflare's error or the reason nothing was done; never a secret
     * @throws AuditWriteException if the record could not be stored (and the log says so)
     */
    public AuditEntry failed(Attempt attempt, String error) {
        return store(attempt, AuditOutcome.FAILED, error);
    }

    /**
     * The entries of one account matching the filter, newest first: what its audit page
     * shows.
     */
    public Page<AuditEntry> search(AccountId account, AuditFilter filter, Pageable page) {
        return aggregates.findAll(Query.query(AuditCriteria.of(account, filter)), AuditEntry.class,
                PageRequest.of(page.getPageNumber(), page.getPageSize(), NEWEST_FIRST));
    }

    /**
     * Hands every entry of the account matching the filter, newest first, to
     * {@code each}, {@value #BATCH} at a time, so that an export of the whole trail never
     * holds it in memory. Each batch continues after the last entry of the one before
     * (not at an offset), so entries recorded meanwhile, which come first, neither repeat
     * nor skip a row.
     */
    public void forEach(AccountId account, AuditFilter filter, Consumer<AuditEntry> each) {
        Criteria matching = AuditCriteria.of(account, filter);
        List<AuditEntry> batch = firstOf(matching);
        while (!batch.isEmpty()) {
            batch.forEach(each);
            AuditEntry last = batch.get(batch.size() - 1);
            Criteria after = Criteria.where("occurredAt")
                .lessThan(last.occurredAt())
                .or(Criteria.where("occurredAt").is(last.occurredAt()).and("id").lessThan(last.id()));
            batch = batch.size() < BATCH ? List.of() : firstOf(matching.and(after));
        }
    }

    private List<AuditEntry> firstOf(Criteria criteria) {
        return aggregates.findAll(Query.query(criteria).sort(NEWEST_FIRST).limit(BATCH), AuditEntry.class);
    }

    /** A widget's own history, newest first, at most the latest 20 entries. */
    public List<AuditEntry> historyOf(AccountId account, String sitekey) {
        return entries.findTop20ByAccountIdAndSitekeyOrderByOccurredAtDescIdDesc(account.value(), sitekey);
    }

    /**
     * When the widget's secret was last rotated through this app, if it was; empty too
     * when the store cannot be read, as a page is still worth showing without it (logged
     * at WARN).
     */
    public Optional<AuditEntry> lastRotation(AccountId account, String sitekey) {
        try {
            return entries
                .findFirstByAccountIdAndSitekeyAndActionAndOutcomeOrderByOccurredAtDescIdDesc(account.value(), sitekey,
                        AuditAction.ROTATE_SECRET, AuditOutcome.SUCCEEDED)
                .stream()
                .findFirst();
        }
        catch (DataAccessException | TransactionException e) {
            log.warn("Could not read the last rotation of widget {} in account {} from the audit trail", sitekey,
                    account.value(), e);
            return Optional.empty();
        }
    }

    /**
     * Records a change made outside the dashboard. Unlike a user's, its failure is thrown
     * as Spring's {@link org.springframework.dao.DataAccessException}: the reconciler
     * records it in the transaction that also updates what it knows, and tries again on
     * its next run if either fails.
     */
    public AuditEntry outside(OutsideChange change) {
        OutsideActor actor = change.actor();
        // Named, at the time Cloudflare recorded; else when the widget says it changed.
        Instant at = actor == null ? change.occurredAt() : actor.at();
        AuditEntry stored = save(new AuditEntry(null, at.truncatedTo(ChronoUnit.MICROS),
                actor == null ? OUTSIDE_SUBJECT : fit(actor.subject(), SUBJECT_LENGTH),
                actor == null ? OUTSIDE_NAME : fit(actor.name(), ACTOR_NAME_LENGTH),
                actor == null ? null : actor.email(), change.account().value(), change.action(), AuditOutcome.SUCCEEDED,
                change.sitekey(), change.widgetName(), change.invalidateImmediately(), null, change.changes(),
                ActorKind.OUTSIDE, change.via(), change.attribution()));
        countWrite(change.action(), "stored");
        return stored;
    }

    private AuditEntry store(Attempt attempt, AuditOutcome outcome, @Nullable String error) {
        try {
            // Both databases keep microseconds: the entry handed back is then the one
            // read back later.
            AuditEntry entry = new AuditEntry(null, Instant.now(clock).truncatedTo(ChronoUnit.MICROS),
                    attempt.actor().subject(), fit(attempt.actor().name(), ACTOR_NAME_LENGTH), attempt.actor().email(),
                    attempt.account().value(), attempt.action(), outcome, attempt.sitekey(), widgetName(attempt),
                    attempt.invalidateImmediately(), error == null ? null : fit(error, ERROR_LENGTH), attempt.changes(),
                    ActorKind.USER, null, null);
            AuditEntry stored = save(entry);
            countWrite(attempt.action(), "stored");
            return stored;
        }
        catch (DataAccessException | TransactionException e) {
            countWrite(attempt.action(), "failed");
            // A database that cannot be reached fails as early as opening the save's
            // transaction, which
            // throws a TransactionException (CannotCreateTransactionException), not a
            // DataAccessException.
            log.error("Could not record in the audit trail: {} {} of widget {} in account {} by {}", outcome,
                    attempt.action(), attempt.sitekey(), attempt.account(), attempt.actor().subject(), e);
            throw new AuditWriteException(attempt.action(), e);
        }
    }

    /** Stores the entry and what its listeners write for it, in one transaction. */
    private AuditEntry save(AuditEntry entry) {
        return transactions.execute(status -> {
            AuditEntry stored = entries.save(entry);
            listeners.orderedStream().forEach(listener -> listener.recorded(stored));
            return stored;
        });
    }

    private void countWrite(AuditAction action, String result) {
        writes.withTags("action", action.name().toLowerCase(Locale.ROOT), "result", result).increment();
    }

    /**
     * The widget's name as the attempt knew it, or else as the trail last recorded it: a
     * rotation or delete that Cloudflare refused never read the widget, and an entry
     * naming no widget is of little use.
     */
    private @Nullable String widgetName(Attempt attempt) {
        if (attempt.widgetName() != null || attempt.sitekey() == null) {
            return attempt.widgetName();
        }
        return entries
            .findFirstByAccountIdAndSitekeyAndWidgetNameIsNotNullOrderByOccurredAtDescIdDesc(attempt.account().value(),
                    attempt.sitekey())
            .stream()
            .findFirst()
            .map(AuditEntry::widgetName)
            .orElse(null);
    }

    /**
     * A text longer than its column (a provider's claim, Cloudflare's message) is cut,
     * not refused.
     */
    private static String fit(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int end = length - 1;
        // Never half of a character outside the Basic Multilingual Plane (an emoji, say).
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

}
