package com.turnstileadmin.cloudflare;

import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.widget.TurnstileWidgets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
class CloudflareClientConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CloudflareClientConfiguration.class);

    @Bean
    TurnstileWidgets turnstileWidgets(WebClient.Builder webClientBuilder, CloudflareAccounts accounts,
            CloudflareClientProperties properties) {
        if (!accounts.isSandbox()) {
            log.info("Managing Turnstile widgets of {} Cloudflare account(s) through {}", accounts.all().size(),
                    accounts.apiBaseUrl());
        }
        return new CloudflareWidgetClient(webClientBuilder, accounts, properties);
    }
}
