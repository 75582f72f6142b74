package com.turnstileadmin.audit.web;

import com.turnstileadmin.account.AccountId;

/**
 * The audit trail's URLs, in one place, since pages, the export and the widget history
 * all link to them.
 */
public final class AuditPaths {

    private AuditPaths() {
    }

    public static String page(AccountId account) {
        // The account id is checked to be hexadecimal when parsed: nothing in it needs
        // encoding.
        return "/accounts/" + account.value() + "/audit";
    }

    /** The trail filtered by one widget: its whole history. */
    public static String ofWidget(AccountId account, String sitekey) {
        return AuditParams.ofWidget(sitekey).url(page(account));
    }

    static String export(AccountId account) {
        return page(account) + ".csv";
    }

}
