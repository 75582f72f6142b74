package com.turnstileadmin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.turnstileadmin.account.CloudflareAccount;
import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.cloudflare.CloudflareClientProperties;
import com.turnstileadmin.cloudflare.CloudflareWidgetClient;
import com.turnstileadmin.widget.CloudflareException;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.TurnstileWidgets;
import com.turnstileadmin.widget.WidgetQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Every log line of a full journey, failures included, with every logger at DEBUG: no API token,
 * no legacy key and no widget secret may appear in any message or stack trace.
 */
class SecretsStayOutOfLogsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
    private final SandboxFaults faults = new SandboxFaults(SandboxProperties.Faults.NONE);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger webClientLogger =
            (Logger) LoggerFactory.getLogger("org.springframework.web.reactive.function.client");
    private Level rootLevel;
    private SandboxServer sandbox;

    @BeforeEach
    void captureEverything() {
        rootLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        // Where Spring logs request headers, when request details are enabled.
        webClientLogger.setLevel(Level.TRACE);
        captured.start();
        root.addAppender(captured);
        sandbox = SandboxServer.start(new SandboxProperties(8, false, 0, SandboxProperties.Faults.NONE), faults, clock);
    }

    @AfterEach
    void restore() {
        sandbox.close();
        root.detachAppender(captured);
        root.setLevel(rootLevel);
        webClientLogger.setLevel(null);
    }

    @Test
    void noTokenKeyOrSecretReachesAnyLogLine() {
        List<String> secrets = new ArrayList<>();
        // An operator may have turned on Spring's request-detail logging; the adapter must not inherit it.
        WebClient.Builder verbose = WebClient.builder()
                .codecs(codecs -> codecs.defaultCodecs().enableLoggingRequestDetails(true));
        TurnstileWidgets byToken = new CloudflareWidgetClient(verbose, new CloudflareAccounts(sandbox.apiBaseUrl(),
                List.of(new CloudflareAccount(sandbox.accountId(), "Sandbox", sandbox.apiToken())), true),
                new CloudflareClientProperties(Duration.ofSeconds(2), Duration.ofSeconds(5),
                        new CloudflareClientProperties.Retry(2, Duration.ofMillis(20), Duration.ofMillis(100),
                                Duration.ofSeconds(2), Duration.ofSeconds(10))));
        TurnstileWidgets byKey = SandboxJourneyTest.client(sandbox, sandbox.apiBaseUrl(), sandbox.globalApiKey());

        secrets.addAll(SandboxJourneyTest.Journey.run(byToken, sandbox.accountId(), clock));
        Sitekey any = byKey.list(sandbox.accountId(), WidgetQuery.firstPage()).widgets().get(0).sitekey();
        secrets.add(byKey.get(sandbox.accountId(), any).secret().value());
        // Failures log too: a retried 502, a 429 and a timeout must not leak either.
        faults.set(SandboxProperties.Faults.NONE.withServerErrorRate(1));
        assertThatThrownBy(() -> byToken.get(sandbox.accountId(), any)).isInstanceOf(CloudflareException.class);
        faults.set(SandboxProperties.Faults.NONE.withRateLimitRate(1, Duration.ZERO));
        assertThatThrownBy(() -> byKey.get(sandbox.accountId(), any)).isInstanceOf(CloudflareException.class);
        faults.set(SandboxProperties.Faults.NONE.withLatency(Duration.ofSeconds(6)));
        assertThatThrownBy(() -> byToken.get(sandbox.accountId(), any)).isInstanceOf(CloudflareException.class);

        List<ILoggingEvent> events;
        // Reactor threads may still be logging; the appender appends under its own lock.
        synchronized (captured) {
            events = new ArrayList<>(captured.list);
        }
        List<String> lines = events.stream().map(SecretsStayOutOfLogsTest::render).toList();
        // The capture must have seen the traffic, or finding nothing in it proves nothing.
        assertThat(lines).anyMatch(line -> line.contains("Cloudflare get widget"));
        assertThat(lines).anyMatch(line -> line.contains("Retrying to get widget"));
        assertThat(lines).anyMatch(line -> line.contains("HTTP GET") && line.contains("headers"));
        assertThat(lines).hasSizeGreaterThan(20);
        List<String> forbidden = new ArrayList<>();
        // Secrets share their "0x4AAAAAAA" prefix with sitekeys; only the random rest is secret.
        secrets.forEach(secret -> forbidden.addAll(fragments(secret.substring(10))));
        forbidden.addAll(fragments(sandbox.apiToken().token()));
        forbidden.addAll(fragments(sandbox.globalApiKey().key()));
        for (String line : lines) {
            for (String fragment : forbidden) {
                assertThat(line).as("a log line").doesNotContain(fragment);
            }
        }
    }

    /** Every 8-character run of a value: a truncated log line must not leak part of it either. */
    private static List<String> fragments(String value) {
        List<String> fragments = new ArrayList<>();
        for (int i = 0; i + 8 <= value.length(); i++) {
            fragments.add(value.substring(i, i + 8));
        }
        return fragments;
    }

    private static String render(ILoggingEvent event) {
        String message = event.getLoggerName() + " " + event.getFormattedMessage();
        return event.getThrowableProxy() == null ? message
                : message + "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
    }
}
