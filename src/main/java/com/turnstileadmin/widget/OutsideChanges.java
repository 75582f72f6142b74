package com.turnstileadmin.widget;

import com.turnstileadmin.account.AccountId;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The changes made outside the dashboard that nobody has kept or reverted yet, as the
 * reconciler found them: what the list's badge and the widget page's notice show.
 */
public interface OutsideChanges {

    /** For an app without a reconciler. */
    OutsideChanges NONE = new OutsideChanges() {
        @Override
        public Map<Sitekey, Instant> pending(AccountId account, Collection<Sitekey> sitekeys) {
            return Map.of();
        }

        @Override
        public Optional<Pending> of(AccountId account, Sitekey sitekey) {
            return Optional.empty();
        }

        @Override
        public void settle(AccountId account, Sitekey sitekey) {
        }
    };

    /** Which of these widgets have one, since when. */
    Map<Sitekey, Instant> pending(AccountId account, Collection<Sitekey> sitekeys);

    Optional<Pending> of(AccountId account, Sitekey sitekey);

    /** Forgets the widget's: kept, or reverted. */
    void settle(AccountId account, Sitekey sitekey);

    /**
     * @param since when the first of them was found
     * @param now the settings as last known, which the widget's page showed: where a
     * revert starts from
     * @param before the settings before it, which a revert puts back; {@code null} when
     * there are none to go back to (a widget created or a secret rotated outside)
     */
    record Pending(Instant since, WidgetSettings now, @Nullable WidgetSettings before) {

        public boolean revertible() {
            return before != null;
        }

    }

}
