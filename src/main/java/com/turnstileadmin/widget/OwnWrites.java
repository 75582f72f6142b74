package com.turnstileadmin.widget;

import com.turnstileadmin.account.AccountId;
import org.jspecify.annotations.Nullable;

/**
 * What the dashboard's own writes tell whoever watches Cloudflare for changes made
 * outside it (the reconciler): that a write is in flight, and the state it left, so that
 * neither is ever taken for someone else's change. Its methods never throw: a write at
 * Cloudflare must not fail because this could not be noted (at worst, the change is later
 * reported as made outside).
 */
public interface OwnWrites {

    /** For an app without a reconciler. */
    OwnWrites NONE = new OwnWrites() {
        @Override
        public InFlight starting(AccountId account, @Nullable Sitekey sitekey) {
            return () -> {
            };
        }

        @Override
        public void wrote(AccountId account, Widget widget, @Nullable WidgetSecret secret) {
        }

        @Override
        public void deleted(AccountId account, Sitekey sitekey) {
        }
    };

    /**
     * A write is about to be sent to Cloudflare.
     * @param sitekey {@code null} for a create
     * @return closed when the write has ended, whichever way
     */
    InFlight starting(AccountId account, @Nullable Sitekey sitekey);

    /**
     * Cloudflare answered a write with the widget as it now is.
     * @param secret its secret when the answer had it (never stored as such)
     */
    void wrote(AccountId account, Widget widget, @Nullable WidgetSecret secret);

    /** Cloudflare deleted the widget at the dashboard's request. */
    void deleted(AccountId account, Sitekey sitekey);

    /** A write in flight; closing it says it has ended. */
    interface InFlight extends AutoCloseable {

        @Override
        void close();

    }

}
