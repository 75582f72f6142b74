package com.turnstileadmin.cloudflare;

import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.widget.TurnstileWidgets;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
class CloudflareClientConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CloudflareClientConfiguration.class);

    @Bean
    TurnstileWidgets turnstileWidgets(WebClient.Builder webClientBuilder, CloudflareAccounts accounts,
            CloudflareClientProperties properties, ObjectProvider<HttpClientSettings> httpClientSettings) {
        if (!accounts.isSandbox()) {
            log.info("Cloudflare mode: managing the Turnstile widgets of {} through {}", accounts.all().stream()
                    .map(a -> "\"" + a.displayName() + "\" (" + a.id() + ")").collect(Collectors.joining(", ")),
                    accounts.apiBaseUrl());
        }
        return new CloudflareWidgetClient(webClientBuilder, accounts, properties,
                httpClientSettings.getIfAvailable(HttpClientSettings::defaults));
    }
}
