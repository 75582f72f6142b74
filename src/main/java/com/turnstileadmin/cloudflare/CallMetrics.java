package com.turnstileadmin.cloudflare;

import com.turnstileadmin.account.AccountId;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the adapter measures: every HTTP request sent to Cloudflare
 * ({@code turnstile.cloudflare.calls}, by operation, outcome and account), and each
 * account's widget count as the last unfiltered list said ({@code turnstile.widgets}).
 * Tags hold only configured account ids and fixed words.
 */
final class CallMetrics {

    private final MeterRegistry registry;

    private final MeterProvider<Timer> calls;

    private final Map<AccountId, AtomicLong> widgetCounts = new ConcurrentHashMap<>();

    CallMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.calls = Timer.builder("turnstile.cloudflare.calls")
            .description("HTTP requests sent to the Cloudflare API, each attempt of a retried read included")
            .withRegistry(registry);
    }

    void recordCall(Operation operation, AccountId account, CallOutcome outcome, long nanos) {
        calls.withTags("operation", operation.tag(), "outcome", outcome.tag(), "account", account.value())
            .record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * The account's widget count from a list without a filter; a filtered list's total is
     * the filter's.
     */
    void recordWidgetCount(AccountId account, int total) {
        widgetCounts.computeIfAbsent(account, this::registerGauge).set(total);
    }

    private AtomicLong registerGauge(AccountId account) {
        AtomicLong count = new AtomicLong();
        Gauge.builder("turnstile.widgets", count, AtomicLong::get)
            .description("Widgets in the account, as the last list without a filter counted them")
            .tag("account", account.value())
            .register(registry);
        return count;
    }

}
