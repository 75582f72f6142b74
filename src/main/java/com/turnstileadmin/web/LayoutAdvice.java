package com.turnstileadmin.web;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.account.CloudflareAccount;
import com.turnstileadmin.account.CloudflareAccounts;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * What the layout shows on every page: the accounts for the switcher, the sandbox banner and the
 * account the page is about. An account id in the path that is not configured ends the request
 * here, as a 404, before any handler could call Cloudflare with it.
 */
@ControllerAdvice
class LayoutAdvice {

    private final CloudflareAccounts accounts;

    LayoutAdvice(CloudflareAccounts accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute("accounts")
    List<CloudflareAccount> accounts() {
        return accounts.all();
    }

    @ModelAttribute("sandbox")
    boolean sandbox() {
        return accounts.isSandbox();
    }

    @ModelAttribute("account")
    @Nullable CloudflareAccount account(@PathVariable(required = false) @Nullable AccountId accountId) {
        return accountId == null ? null : accounts.get(accountId);
    }
}
