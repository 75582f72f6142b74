package com.turnstileadmin.reconcile;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.widget.OutsideChanges;
import com.turnstileadmin.widget.Sitekey;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The changes made outside awaiting someone, from {@code known_widget}: an account has
 * few, so each question reads them all in one query.
 */
class JdbcOutsideChanges implements OutsideChanges {

    private final KnownWidgets known;

    JdbcOutsideChanges(KnownWidgets known) {
        this.known = known;
    }

    @Override
    public Map<Sitekey, Instant> pending(AccountId account, Collection<Sitekey> sitekeys) {
        Map<Sitekey, Instant> since = new LinkedHashMap<>();
        known.pendingOutside(account).forEach((sitekey, pending) -> {
            if (sitekeys.contains(sitekey)) {
                since.put(sitekey, pending.since());
            }
        });
        return since;
    }

    @Override
    public Optional<Pending> of(AccountId account, Sitekey sitekey) {
        return Optional.ofNullable(known.pendingOutside(account).get(sitekey));
    }

    @Override
    public void settle(AccountId account, Sitekey sitekey) {
        known.settleOutside(account, sitekey);
    }

}
