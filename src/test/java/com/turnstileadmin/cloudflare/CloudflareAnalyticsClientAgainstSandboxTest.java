package com.turnstileadmin.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.account.CloudflareAccount;
import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.analytics.AnalyticsRefusedException;
import com.turnstileadmin.analytics.AnalyticsRefusedException.Kind;
import com.turnstileadmin.analytics.AnalyticsSettings;
import com.turnstileadmin.analytics.Breakdown;
import com.turnstileadmin.analytics.EventType;
import com.turnstileadmin.analytics.TimeBucket;
import com.turnstileadmin.analytics.TrafficQuery;
import com.turnstileadmin.analytics.TrafficReport;
import com.turnstileadmin.analytics.TrafficReport.SeriesGroup;
import com.turnstileadmin.sandbox.SandboxFaults;
import com.turnstileadmin.sandbox.SandboxProperties;
import com.turnstileadmin.sandbox.SandboxServer;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.Widget;
import com.turnstileadmin.widget.WidgetQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The contract between the analytics adapter and the sandbox: the adapter's documents,
 * sent over HTTP to the sandbox's GraphQL endpoint, get answers the adapter reads, and
 * the sandbox's refusals are typed as Cloudflare's would be. With the WireMock tests of
 * the adapter (Cloudflare's documented shapes) and the schema test, both sides are held
 * to the same shape.
 */
class CloudflareAnalyticsClientAgainstSandboxTest {

    private SandboxServer sandbox;

    private CloudflareAnalyticsClient analytics;

    private CloudflareWidgetClient widgets;

    private final Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);

    @BeforeEach
    void startTheSandbox() {
        sandbox = SandboxServer.start(new SandboxProperties(40, 12, 0, SandboxProperties.Faults.NONE, true),
                new SandboxFaults(SandboxProperties.Faults.NONE), Clock.systemUTC());
        CloudflareAccounts accounts = new CloudflareAccounts(sandbox.apiBaseUrl(),
                List.of(new CloudflareAccount(sandbox.accountId(), "Free", sandbox.apiToken()),
                        new CloudflareAccount(sandbox.enterpriseAccountId(), "Enterprise", sandbox.apiToken())),
                true);
        CloudflareClientProperties properties = new CloudflareClientProperties(Duration.ofSeconds(2),
                Duration.ofSeconds(10), new CloudflareClientProperties.Retry(0, Duration.ofMillis(10),
                        Duration.ofMillis(50), Duration.ofSeconds(2), Duration.ofSeconds(10)));
        analytics = new CloudflareAnalyticsClient(WebClient.builder(), accounts, properties);
        widgets = new CloudflareWidgetClient(WebClient.builder(), accounts, properties);
    }

    @AfterEach
    void stopIt() {
        sandbox.close();
    }

    @Test
    void theSettingsOfferEveryDimensionAndThePlansHistory() {
        AnalyticsSettings free = analytics.settings(sandbox.accountId());
        AnalyticsSettings enterprise = analytics.settings(sandbox.enterpriseAccountId());

        assertThat(free.enabled()).isTrue();
        assertThat(EnumSet.allOf(Breakdown.class)).allMatch(free::offers);
        assertThat(EnumSet.allOf(TimeBucket.class)).allMatch(free::offers);
        assertThat(free.notOlderThan()).isEqualTo(Duration.ofDays(7));
        assertThat(enterprise.notOlderThan()).isEqualTo(Duration.ofDays(30));
        assertThat(free.maxDuration()).isEqualTo(Duration.ofSeconds(608_400));
        assertThat(free.maxPageSize()).isEqualTo(10_000);
    }

    @Test
    void theLast24HoursOfAPageOfWidgetsAreReadInOneQuery() {
        List<Sitekey> page = sitekeys(sandbox.accountId());

        TrafficReport report = analytics.traffic(sandbox.accountId(), new TrafficQuery(end.minus(Duration.ofHours(24)),
                end, page, Set.of(), TimeBucket.HOUR, EnumSet.allOf(Breakdown.class), 10_000, 200));

        assertThat(report.series()).isNotEmpty();
        assertThat(report.series()).allSatisfy(group -> {
            assertThat(page).contains(group.sitekey());
            assertThat(group.type()).isNotEqualTo(EventType.OTHER);
            assertThat(group.bucketStart()).isNotNull();
            assertThat(group.bucketStart().getEpochSecond() % 3600).isZero();
            assertThat(group.bucketStart()).isBetween(end.minus(Duration.ofHours(25)), end);
        });
        assertThat(report.breakdowns().keySet()).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Breakdown.class));
        assertThat(report.breakdowns().get(Breakdown.HOSTNAME)).isNotEmpty();
        assertThat(report.breakdowns().get(Breakdown.ASN)).allMatch(group -> group.value().matches("\\d+"));
    }

    @Test
    void everyBucketCountsTheSameEventsAsNone() {
        List<Sitekey> page = sitekeys(sandbox.accountId());
        // 25 widgets × 10 types × 24 quarter hours: within the 10,000 groups an answer
        // holds.
        Instant start = end.minus(Duration.ofHours(6));

        Map<EventType, Long> total = byType(analytics.traffic(sandbox.accountId(),
                new TrafficQuery(start, end, page, Set.of(), null, Set.of(), 10_000, 1)));
        for (TimeBucket bucket : TimeBucket.values()) {
            assertThat(byType(analytics.traffic(sandbox.accountId(),
                    new TrafficQuery(start, end, page, Set.of(), bucket, Set.of(), 10_000, 1))))
                .as(bucket.name())
                .isEqualTo(total);
        }
        assertThat(total.get(EventType.CHALLENGE_ISSUED)).isPositive();
    }

    @Test
    void aRangeLongerThanAQueryMaySpanIsRefusedAsCloudflareWould() {
        AnalyticsRefusedException refused = catchThrowableOfType(AnalyticsRefusedException.class, () -> analytics
            .traffic(sandbox.enterpriseAccountId(),
                    new TrafficQuery(end.minus(Duration.ofDays(8)), end, List.of(), Set.of(), null, Set.of(), 100, 1)));

        assertThat(refused.kind()).isEqualTo(Kind.QUERY_REJECTED);
        assertThat(refused.getMessage()).contains("time range");
    }

    @Test
    void historyBeyondTheFreePlansIsRefused() {
        Instant start = end.minus(Duration.ofDays(10));

        AnalyticsRefusedException refused = catchThrowableOfType(AnalyticsRefusedException.class,
                () -> analytics.traffic(sandbox.accountId(), new TrafficQuery(start, start.plus(Duration.ofDays(1)),
                        List.of(), Set.of(), null, Set.of(), 100, 1)));

        assertThat(refused.kind()).isEqualTo(Kind.QUERY_REJECTED);
    }

    @Test
    void withoutThePermissionAnalyticsAreRefusedAndTheWidgetsStillListed() {
        sandbox.analyticsPermission(false);

        AnalyticsRefusedException refused = catchThrowableOfType(AnalyticsRefusedException.class,
                () -> analytics.settings(sandbox.accountId()));

        assertThat(refused.kind()).isEqualTo(Kind.PERMISSION_MISSING);
        assertThat(widgets.list(sandbox.accountId(), WidgetQuery.firstPage()).widgets()).isNotEmpty();
    }

    @Test
    void aDimensionTheSettingsLeaveOutIsNotOfferedAndAskingForItIsRefused() {
        sandbox.withoutDimension("asn");

        AnalyticsSettings settings = analytics.settings(sandbox.accountId());
        TrafficQuery withAsn = new TrafficQuery(end.minus(Duration.ofHours(1)), end, List.of(), Set.of(), null,
                EnumSet.of(Breakdown.ASN), 100, 10);
        TrafficQuery withoutAsn = new TrafficQuery(end.minus(Duration.ofHours(1)), end, List.of(), Set.of(), null,
                EnumSet.of(Breakdown.HOSTNAME), 100, 10);

        assertThat(settings.offers(Breakdown.ASN)).isFalse();
        assertThat(settings.offers(Breakdown.HOSTNAME)).isTrue();
        assertThat(catchThrowableOfType(AnalyticsRefusedException.class,
                () -> analytics.traffic(sandbox.accountId(), withAsn))
            .kind()).isEqualTo(Kind.QUERY_REJECTED);
        assertThat(analytics.traffic(sandbox.accountId(), withoutAsn).breakdowns().get(Breakdown.HOSTNAME))
            .isNotEmpty();
    }

    private List<Sitekey> sitekeys(AccountId account) {
        return widgets.list(account, WidgetQuery.firstPage()).widgets().stream().map(Widget::sitekey).toList();
    }

    private static Map<EventType, Long> byType(TrafficReport report) {
        return report.series()
            .stream()
            .collect(Collectors.groupingBy(SeriesGroup::type, Collectors.summingLong(SeriesGroup::count)));
    }

}
