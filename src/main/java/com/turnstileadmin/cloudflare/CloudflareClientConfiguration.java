package com.turnstileadmin.cloudflare;

import com.github.benmanes.caffeine.cache.Ticker;
import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.analytics.TurnstileAnalytics;
import com.turnstileadmin.reconcile.AccountAuditLogs;
import com.turnstileadmin.widget.TurnstileWidgets;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
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
            CloudflareClientProperties properties, ObjectProvider<HttpClientSettings> httpClientSettings,
            MeterRegistry meterRegistry, SharedReadsProperties sharedReads, ObjectProvider<Ticker> ticker) {
        if (!accounts.isSandbox()) {
            log.info("Cloudflare mode: managing the Turnstile widgets of {} through {}",
                    accounts.all()
                        .stream()
                        .map(a -> "\"" + a.displayName() + "\" (" + a.id() + ")")
                        .collect(Collectors.joining(", ")),
                    accounts.apiBaseUrl());
            if ("http".equals(accounts.apiBaseUrl().getScheme()) && !isLoopback(accounts.apiBaseUrl())) {
                log.warn("CLOUDFLARE_API_BASE_URL is plain http to another host: the API credentials travel "
                        + "unencrypted. Use https unless this is a test setup.");
            }
        }
        CloudflareWidgetClient client = new CloudflareWidgetClient(webClientBuilder, accounts, properties,
                httpClientSettings.getIfAvailable(HttpClientSettings::defaults), meterRegistry);
        return new SharedReads(client, sharedReads, ticker.getIfAvailable(Ticker::systemTicker));
    }

    @Bean
    TurnstileAnalytics turnstileAnalytics(WebClient.Builder webClientBuilder, CloudflareAccounts accounts,
            CloudflareClientProperties properties, ObjectProvider<HttpClientSettings> httpClientSettings,
            MeterRegistry meterRegistry) {
        return new CloudflareAnalyticsClient(webClientBuilder, accounts, properties,
                httpClientSettings.getIfAvailable(HttpClientSettings::defaults), meterRegistry);
    }

    @Bean
    AccountAuditLogs accountAuditLogs(WebClient.Builder webClientBuilder, CloudflareAccounts accounts,
            CloudflareClientProperties properties, ObjectProvider<HttpClientSettings> httpClientSettings,
            MeterRegistry meterRegistry) {
        return new CloudflareAuditLogClient(webClientBuilder, accounts, properties,
                httpClientSettings.getIfAvailable(HttpClientSettings::defaults), meterRegistry);
    }

    private static boolean isLoopback(URI url) {
        String host = url.getHost();
        return "localhost".equals(host) || host.startsWith("127.") || "[::1]".equals(host);
    }

}
