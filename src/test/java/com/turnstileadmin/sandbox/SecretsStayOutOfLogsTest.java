package com.turnstileadmin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.turnstileadmin.LogCapture;
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
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Every log line of a full journey, failures included, with every logger at DEBUG: no API
 * token, no legacy key and no widget secret may appear in any message or stack trace.
 */
class SecretsStayOutOfLogsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));

    private final SandboxFaults faults = new SandboxFaults(SandboxProperties.Faults.NONE);

    private LogCapture log;

    private SandboxServer sandbox;

    @BeforeEach
    void captureEverything() {
        // The WebClient's logger is where Spring logs request headers, when request
        // details are enabled.
        log = LogCapture.atDebug("org.springframework.web.reactive.function.client");
        sandbox = SandboxServer.start(new SandboxProperties(8, 0, 0, SandboxProperties.Faults.NONE, true), faults,
                clock);
    }

    @AfterEach
    void restore() {
        sandbox.close();
        log.close();
    }

    @Test
    void noTokenKeyOrSecretReachesAnyLogLine() {
        List<String> secrets = new ArrayList<>();
        // An operator may have turned on Spring's request-detail logging; the adapter
        // must not inherit it.
        WebClient.Builder verbose = WebClient.builder()
            .codecs(codecs -> codecs.defaultCodecs().enableLoggingRequestDetails(true));
        TurnstileWidgets byToken = new CloudflareWidgetClient(verbose,
                new CloudflareAccounts(sandbox.apiBaseUrl(),
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

        List<String> lines = log.lines();
        // The capture must have seen the traffic, or finding nothing in it proves
        // nothing.
        assertThat(lines).anyMatch(line -> line.contains("Cloudflare call operation=get"));
        assertThat(lines).anyMatch(line -> line.contains("Retrying to get widget"));
        assertThat(lines).anyMatch(line -> line.contains("HTTP GET") && line.contains("headers"));
        assertThat(lines).hasSizeGreaterThan(20);
        List<String> forbidden = new ArrayList<>();
        // Secrets share their "0x4AAAAAAA" prefix with sitekeys; only the random rest is
        // secret.
        secrets.forEach(secret -> forbidden.add(secret.substring(10)));
        forbidden.add(sandbox.apiToken().token());
        forbidden.add(sandbox.globalApiKey().key());
        log.assertNoLineContainsAnyPartOf(forbidden);
    }

}
