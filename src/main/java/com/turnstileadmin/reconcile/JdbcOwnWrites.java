package com.turnstileadmin.reconcile;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.audit.AuditAction;
import com.turnstileadmin.audit.AuditTrail;
import com.turnstileadmin.audit.OutsideChange;
import com.turnstileadmin.widget.OwnWrites;
import com.turnstileadmin.widget.SettingChanges;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.Widget;
import com.turnstileadmin.widget.WidgetSecret;
import com.turnstileadmin.widget.WidgetSetting;
import com.turnstileadmin.widget.WidgetSettings;
import java.time.Clock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dashboard's own writes, noted in the shared database for the reconciler of any
 * replica: a row in {@code pending_write} while one is in flight, then the state it left
 * in {@code known_widget}, written before the row goes. A poll that read Cloudflare while
 * the write was in flight finds either the row or a state newer than its read, and leaves
 * the widget for its next run.
 *
 * <p>
 * A write would also hide a change made outside since the reconciler last looked (the
 * state it leaves becomes the known one): where the write knows the settings Cloudflare
 * had just before it, a difference from the known ones is recorded first, as made
 * outside, in the same transaction.
 */
class JdbcOwnWrites implements OwnWrites {

    private static final Logger log = LoggerFactory.getLogger(JdbcOwnWrites.class);

    private final KnownWidgets known;

    private final AuditTrail audit;

    private final TransactionTemplate transactions;

    private final Clock clock;

    private final Function<WidgetSetting<?>, String> labels;

    JdbcOwnWrites(KnownWidgets known, AuditTrail audit, TransactionTemplate transactions, Clock clock,
            MessageSource messages) {
        this.known = known;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.labels = WidgetSetting.trailLabels(messages);
    }

    @Override
    public InFlight starting(AccountId account, @Nullable Sitekey sitekey) {
        long id;
        try {
            id = known.startWrite(account, sitekey, clock.instant());
        }
        catch (DataAccessException e) {
            warn("a write's start", account, sitekey, e);
            return () -> {
            };
        }
        return () -> {
            try {
                known.endWrite(id);
            }
            catch (DataAccessException e) {
                // Ignored by the reconciler once a few minutes old, and then deleted.
                warn("a write's end", account, sitekey, e);
            }
        };
    }

    @Override
    public void wrote(AccountId account, Widget widget, @Nullable WidgetSecret secret,
            @Nullable WidgetSettings before) {
        try {
            transactions.executeWithoutResult(status -> {
                recordOutsideBefore(account, widget.sitekey(), before);
                known.put(account, widget, secret == null ? null : SecretDigest.of(secret), clock.instant());
            });
        }
        catch (DataAccessException | TransactionException e) {
            warn("the state a write left", account, widget.sitekey(), e);
        }
    }

    @Override
    public void deleted(AccountId account, Sitekey sitekey, WidgetSettings before) {
        try {
            transactions.executeWithoutResult(status -> {
                recordOutsideBefore(account, sitekey, before);
                known.delete(account, sitekey, clock.instant());
            });
        }
        catch (DataAccessException | TransactionException e) {
            warn("a delete", account, sitekey, e);
        }
    }

    /** Records the settings changed outside since they were last known, if any. */
    private void recordOutsideBefore(AccountId account, Sitekey sitekey, @Nullable WidgetSettings before) {
        KnownWidget last = before == null ? null : known.find(account, sitekey);
        if (last == null || last.deleted() || last.settings().equals(before)) {
            return;
        }
        audit.outside(new OutsideChange(account, AuditAction.UPDATE, sitekey.value(), before.name(), clock.instant(),
                SettingChanges.between(last.settings(), before, labels), null));
        known.markOutside(account, sitekey, clock.instant(), last.settings());
    }

    private static void warn(String what, AccountId account, @Nullable Sitekey sitekey, RuntimeException e) {
        log.warn("Could not note {} of widget {} in account {} for the reconciler, which may then report this "
                + "dashboard's change as made outside it", what, sitekey, account.value(), e);
    }

}
