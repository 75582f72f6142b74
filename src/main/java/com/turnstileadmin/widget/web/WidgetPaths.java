package com.turnstileadmin.widget.web;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.widget.Sitekey;

/** The app's URLs for widgets, in one place, since controllers and redirects all need them. */
final class WidgetPaths {

    private WidgetPaths() {
    }

    static String list(AccountId account) {
        return "/accounts/" + account.value() + "/widgets";
    }

    static String details(AccountId account, Sitekey sitekey) {
        // Both values are checked to be URL-safe (hex; letters, digits, '-' and '_') when parsed.
        return list(account) + "/" + sitekey.value();
    }
}
