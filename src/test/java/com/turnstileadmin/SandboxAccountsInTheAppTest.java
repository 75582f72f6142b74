package com.turnstileadmin;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.AppOverHttp.User;
import com.turnstileadmin.HttpVisitor.Response;
import com.turnstileadmin.account.AccountPlan;
import com.turnstileadmin.account.CloudflareAccount;
import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.sandbox.SandboxServer;
import com.turnstileadmin.widget.web.WidgetForms;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The app on the sandbox over real HTTP: its two accounts, Free and Enterprise, in the
 * account switcher, and each plan's rules where the form meets Cloudflare (here the
 * sandbox).
 */
@AppOverHttp
class SandboxAccountsInTheAppTest {

    @LocalServerPort
    int port;

    @Autowired
    SandboxServer sandbox;

    @Autowired
    CloudflareAccounts accounts;

    @Test
    void theAccountSwitcherOffersTheSandboxsFreeAndEnterpriseAccounts() {
        Response list = HttpVisitor.signedIn(port, User.VIEWER).get(widgets(sandbox.accountId().value()));

        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.body()).contains("class=\"dropdown account-switcher\"",
                "<a href=\"" + widgets(sandbox.accountId().value()) + "\" aria-current=\"page\">Sandbox (Free)</a>",
                "<a href=\"" + widgets(sandbox.enterpriseAccountId().value()) + "\">Sandbox (Enterprise)</a>");
        assertThat(accounts.all()).extracting(CloudflareAccount::plan)
            .containsExactly(AccountPlan.FREE, AccountPlan.ENTERPRISE);
    }

    @Test
    void theFreeAccountsFormHidesTheEnterpriseSwitchesAndTheEnterpriseOnesSavesThem() {
        HttpVisitor editor = HttpVisitor.signedIn(port, User.EDITOR);
        String enterprise = widgets(sandbox.enterpriseAccountId().value());

        assertThat(editor.get(widgets(sandbox.accountId().value()) + "/new").body())
            .doesNotContain("name=\"edited.botFightMode\"")
            .contains("which this account does not have");
        assertThat(editor.get(enterprise + "/new").body()).contains("name=\"edited.botFightMode\"")
            .doesNotContain("need Turnstile Enterprise");
        Response created = editor.post(enterprise,
                WidgetForms.newWidget("Enterprise journey", "ent.example.com", "edited.botFightMode", "true"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Response details = editor.get(created.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertThat(details.body()).containsPattern("Bot fight mode.*\\s*<dd>On</dd>");
    }

    @Test
    void theFreeAccountsRefusalOfAnEnterpriseSettingIsShownAtTheSwitches() {
        Response refused = HttpVisitor.signedIn(port, User.EDITOR)
            .post(widgets(sandbox.accountId().value()),
                    WidgetForms.newWidget("Free journey", "free.example.com", "edited.offlabel", "true"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("name=\"edited.offlabel\"")
            .containsPattern("<small id=\"enterprise-message\">[^<]*offlabel is only available on Enterprise plans");
    }

    private static String widgets(String account) {
        return "/accounts/" + account + "/widgets";
    }

}
