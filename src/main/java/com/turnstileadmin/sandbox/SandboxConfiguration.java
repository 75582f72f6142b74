package com.turnstileadmin.sandbox;

import com.turnstileadmin.account.AccountPlan;
import com.turnstileadmin.account.CloudflareAccount;
import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.account.CloudflareCredentialsCondition;
import com.turnstileadmin.account.CloudflareProperties;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With no Cloudflare account configured, starts the sandbox and hands its two accounts
 * (Free and Enterprise, with their plans) to the rest of the app, which then works
 * exactly as it would against Cloudflare.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(CloudflareCredentialsCondition.Absent.class)
class SandboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxConfiguration.class);

    @Bean
    SandboxFaults sandboxFaults(SandboxProperties properties) {
        return new SandboxFaults(properties.faults());
    }

    @Bean(destroyMethod = "close")
    SandboxServer sandboxServer(SandboxProperties properties, SandboxFaults faults, Clock clock) {
        return SandboxServer.start(properties, faults, clock);
    }

    @Bean
    CloudflareAccounts cloudflareAccounts(SandboxServer sandbox, CloudflareProperties cloudflare) {
        if (!cloudflare.apiBaseUrl().toString().equals(CloudflareProperties.DEFAULT_API_BASE_URL)) {
            log.warn("CLOUDFLARE_API_BASE_URL is set but ignored: without CLOUDFLARE_ACCOUNT_ID and credentials "
                    + "the app uses its built-in sandbox.");
        }
        List<SandboxAccount> accounts = sandbox.accounts();
        log.info(
                "Sandbox mode: no Cloudflare account is configured, so the widgets are the built-in sandbox's "
                        + "(accounts {}, served at {}), not Cloudflare's. Set CLOUDFLARE_ACCOUNT_ID and "
                        + "CLOUDFLARE_API_TOKEN to manage real widgets.",
                accounts.stream()
                    .map(account -> "\"" + account.name() + "\" with " + account.widgetCount() + " demo widgets")
                    .collect(Collectors.joining(" and ")),
                sandbox.apiBaseUrl());
        return new CloudflareAccounts(sandbox.apiBaseUrl(),
                accounts.stream()
                    .map(account -> new CloudflareAccount(account.id(), account.name(), sandbox.apiToken(),
                            account.enterprise() ? AccountPlan.ENTERPRISE : AccountPlan.FREE))
                    .toList(),
                true);
    }

}
