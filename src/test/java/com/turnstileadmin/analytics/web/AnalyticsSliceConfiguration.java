package com.turnstileadmin.analytics.web;

import com.github.benmanes.caffeine.cache.Ticker;
import com.turnstileadmin.analytics.AnalyticsProperties;
import com.turnstileadmin.analytics.FakeTurnstileAnalytics;
import com.turnstileadmin.analytics.WidgetAnalyticsService;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The analytics pages' slice: the real service, its caches and budgets, with Cloudflare's
 * analytics replaced by {@link FakeTurnstileAnalytics}.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(WidgetAnalyticsService.class)
@EnableConfigurationProperties(AnalyticsProperties.class)
class AnalyticsSliceConfiguration {

    @Bean
    FakeTurnstileAnalytics turnstileAnalytics() {
        return new FakeTurnstileAnalytics();
    }

    @Bean
    AtomicLong tickerNanos() {
        return new AtomicLong();
    }

    @Bean
    Ticker ticker(AtomicLong tickerNanos) {
        return tickerNanos::get;
    }

    /**
     * Empties the fake and moves the ticker a day on: every cached answer expired, every
     * budget full.
     */
    static void later(ApplicationContext context, Duration by) {
        context.getBean("tickerNanos", AtomicLong.class).addAndGet(by.toNanos());
    }

    static void startAfresh(ApplicationContext context) {
        context.getBean(FakeTurnstileAnalytics.class).reset();
        context.getBean("tickerNanos", AtomicLong.class).addAndGet(Duration.ofDays(1).toNanos());
    }

}
