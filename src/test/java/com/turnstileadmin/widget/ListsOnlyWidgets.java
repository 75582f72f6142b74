package com.turnstileadmin.widget;

import com.turnstileadmin.account.AccountId;

/**
 * A port for tests that only list (or probe): every other operation is refused as not
 * expected.
 */
public abstract class ListsOnlyWidgets implements TurnstileWidgets {

    @Override
    public WidgetWithSecret get(AccountId account, Sitekey sitekey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public WidgetWithSecret create(AccountId account, WidgetSettings settings) {
        throw new UnsupportedOperationException();
    }

    @Override
    public WidgetWithSecret update(AccountId account, Sitekey sitekey, WidgetSettings settings) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Widget delete(AccountId account, Sitekey sitekey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public WidgetWithSecret rotateSecret(AccountId account, Sitekey sitekey, boolean invalidateImmediately) {
        throw new UnsupportedOperationException();
    }

}
