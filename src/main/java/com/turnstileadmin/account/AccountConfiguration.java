package com.turnstileadmin.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The configured Cloudflare accounts; the sandbox supplies its own when there are none.
 */
@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

    @Bean
    @Conditional(CloudflareCredentialsCondition.Present.class)
    CloudflareAccounts cloudflareAccounts(CloudflareProperties properties) {
        return properties.toAccounts();
    }

}
