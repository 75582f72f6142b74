package com.turnstileadmin.web;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.account.AccountPlan;
import com.turnstileadmin.account.CloudflareAccount;
import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.account.Credentials;
import com.turnstileadmin.audit.AuditTrail;
import com.turnstileadmin.security.SecuritySliceConfiguration;
import com.turnstileadmin.time.ClockConfiguration;
import com.turnstileadmin.time.Times;
import com.turnstileadmin.widget.CallBudgetProperties;
import com.turnstileadmin.widget.FakeTurnstileWidgets;
import com.turnstileadmin.widget.SettingLabels;
import com.turnstileadmin.widget.UserCallBudget;
import com.turnstileadmin.widget.WidgetNames;
import com.turnstileadmin.widget.WidgetService;
import com.turnstileadmin.widget.web.SentCreateForms;
import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What a controller needs around it in a web slice: the real security and service (whose
 * {@code @PreAuthorize} is half of every role check), the real audit trail (on the
 * in-memory H2 database each test context gets, see {@link WebSliceTest}), four accounts
 * (plan unknown, unknown, free, enterprise), and Cloudflare replaced by
 * {@link FakeTurnstileWidgets}.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecuritySliceConfiguration.class, WidgetService.class, UserCallBudget.class, WidgetNames.class,
        SentCreateForms.class, AuditTrail.class, Times.class, ClockConfiguration.class, SettingLabels.class,
        Paths.class })
@EnableConfigurationProperties(CallBudgetProperties.class)
public class WebSliceTestConfiguration {

    /** The first configured account, the one the tests use. */
    public static final AccountId ACCOUNT = new AccountId("5a4db0c5e1f24d7e9b3c0a6f8d2e1b47");

    /** A second configured account, so that the header offers the account switcher. */
    public static final AccountId STAGING = new AccountId("9a7806061c88ada191ed06f989cc3dac");

    /** An account configured with {@code plan: free}. */
    public static final AccountId FREE_ACCOUNT = new AccountId("f0ee0000000000000000000000000001");

    /** An account configured with {@code plan: enterprise}. */
    public static final AccountId ENTERPRISE_ACCOUNT = new AccountId("e0e00000000000000000000000000002");

    /** A well-formed account id that is not configured. */
    public static final AccountId UNKNOWN_ACCOUNT = new AccountId("0123456789abcdef0123456789abcdef");

    /** The widget list of {@link #ACCOUNT}. */
    public static final String WIDGETS = "/accounts/" + ACCOUNT.value() + "/widgets";

    @Bean
    CloudflareAccounts cloudflareAccounts() {
        return new CloudflareAccounts(URI.create("http://127.0.0.1:9/client/v4"),
                List.of(new CloudflareAccount(ACCOUNT, "Sandbox account",
                        new Credentials.ApiToken("web-slice-test-token")),
                        new CloudflareAccount(STAGING, "Staging", new Credentials.ApiToken("web-slice-test-token-2")),
                        new CloudflareAccount(FREE_ACCOUNT, "Free", new Credentials.ApiToken("web-slice-test-token-3"),
                                AccountPlan.FREE),
                        new CloudflareAccount(ENTERPRISE_ACCOUNT, "Enterprise",
                                new Credentials.ApiToken("web-slice-test-token-4"), AccountPlan.ENTERPRISE)),
                true);
    }

    @Bean
    FakeTurnstileWidgets turnstileWidgets() {
        return new FakeTurnstileWidgets();
    }

}
