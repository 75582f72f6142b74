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
        public void wrote(AccountId account, Widget widget, @Nullable WidgetSecret secret,
                @Nullable WidgetSettings before) {
        }

        @Override
        public void deleted(AccountId account, Sitekey sitekey, WidgetSettings before) {
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
     * @param before its settings at Cloudflare just before the write, where known (an
     * edit reads them first; a rotation leaves them): a change made outside since the
     * reconciler last looked shows there, and is recorded before this write hides it
     */
    void wrote(AccountId account, Widget widget, @Nullable WidgetSecret secret, @Nullable WidgetSettings before);

    /**
     * Cloudflare deleted the widget at the dashboard's request.
     * @param before its settings as the delete answered them
     */
    void deleted(AccountId account, Sitekey sitekey, WidgetSettings before);

    /** A write in flight; closing it says it has ended. */
    interface InFlight extends AutoCloseable {

        @Override
        void close();

    }

}
