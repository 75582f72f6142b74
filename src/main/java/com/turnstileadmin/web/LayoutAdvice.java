package com.turnstileadmin.web;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.account.CloudflareAccount;
import com.turnstileadmin.account.CloudflareAccounts;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The account a page is about, for the layout's account switcher. An account id in the
 * path that is not configured ends the request here, as a 404, before any handler could
 * call Cloudflare with it. (What every page shows, error pages included, the layout reads
 * from beans: {@code @cloudflareAccounts} and {@code @signedIn}.)
 */
@ControllerAdvice
class LayoutAdvice {

    private final CloudflareAccounts accounts;

    LayoutAdvice(CloudflareAccounts accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute("account")
    @Nullable CloudflareAccount account(@PathVariable(required = false) @Nullable AccountId accountId) {
        return accountId == null ? null : accounts.get(accountId);
    }

}
