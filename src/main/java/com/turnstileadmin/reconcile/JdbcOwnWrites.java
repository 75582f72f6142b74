package com.turnstileadmin.reconcile;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.widget.OwnWrites;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.Widget;
import com.turnstileadmin.widget.WidgetSecret;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * The dashboard's own writes, noted in the shared database for the reconciler of any
 * replica: a row in {@code pending_write} while one is in flight, then the state it left
 * in {@code known_widget}, written before the row goes. A poll that read Cloudflare while
 * the write was in flight finds either the row or a state newer than its read, and leaves
 * the widget for its next run.
 */
class JdbcOwnWrites implements OwnWrites {

    private static final Logger log = LoggerFactory.getLogger(JdbcOwnWrites.class);

    private final KnownWidgets known;

    private final Clock clock;

    JdbcOwnWrites(KnownWidgets known, Clock clock) {
        this.known = known;
        this.clock = clock;
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
    public void wrote(AccountId account, Widget widget, @Nullable WidgetSecret secret) {
        try {
            known.put(account, widget, secret == null ? null : SecretDigest.of(secret), clock.instant());
        }
        catch (DataAccessException e) {
            warn("the state a write left", account, widget.sitekey(), e);
        }
    }

    @Override
    public void deleted(AccountId account, Sitekey sitekey) {
        try {
            known.delete(account, sitekey, clock.instant());
        }
        catch (DataAccessException e) {
            warn("a delete", account, sitekey, e);
        }
    }

    private static void warn(String what, AccountId account, @Nullable Sitekey sitekey, DataAccessException e) {
        log.warn("Could not note {} of widget {} in account {} for the reconciler, which may then report this "
                + "dashboard's change as made outside it", what, sitekey, account.value(), e);
    }

}
