package com.turnstileadmin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.turnstileadmin.account.AccountId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox's simulated traffic, read over HTTP with the app's traffic document: its
 * groupings add up, it has the rhythm and the outcomes of real traffic, it is the same at
 * every start, and the Free account's troubled widgets show their troubles.
 */
class SandboxTrafficTest {

    private static final Instant NOW = Instant.parse("2026-12-07T08:20:00Z");

    /** The last whole hour before now: a query ending there has only ended slots. */
    private static final Instant HOUR = NOW.truncatedTo(ChronoUnit.HOURS);

    private static final String BY_SITEKEY_AND_HOSTNAME = """
            query($accountTag: string!, $start: Time!, $end: Time!) {
              viewer { accounts(filter: {accountTag: $accountTag}) {
                turnstileAdaptiveGroups(limit: 10000, filter: {datetime_geq: $start, datetime_lt: $end}) {
                  count
                  dimensions { siteKey hostname }
                } } }
            }""";

    /** Any filter and order, grouped by sitekey or by hour. */
    private static final String GROUPS = """
            query($accountTag: string!, $limit: uint64!, $filter: AccountTurnstileAdaptiveGroupsFilter_InputObject,
                $orderBy: [AccountTurnstileAdaptiveGroupsOrderBy!], $bySiteKey: Boolean!, $byHour: Boolean!) {
              viewer { accounts(filter: {accountTag: $accountTag}) {
                turnstileAdaptiveGroups(limit: $limit, filter: $filter, orderBy: $orderBy) {
                  count
                  dimensions { siteKey @include(if: $bySiteKey) datetimeHour @include(if: $byHour) }
                } } }
            }""";

    private final MutableClock clock = new MutableClock(NOW);

    private final List<SandboxServer> started = new ArrayList<>();

    private final SandboxServer sandbox = start();

    private final AnalyticsClient analytics = new AnalyticsClient(sandbox);

    @AfterEach
    void stop() {
        started.forEach(SandboxServer::close);
    }

    @Test
    void seriesAreGroupedBySitekeyTypeAndBucketAndAddUpToEveryCoarserGrouping() {
        Map<String, Object> hourly = week(sandbox.enterpriseAccountId());
        hourly.put("byHour", true);
        Map<String, Object> daily = week(sandbox.enterpriseAccountId());
        daily.put("byDay", true);
        Map<String, Object> totals = week(sandbox.enterpriseAccountId());
        totals.put("topHostnames", true);
        totals.put("topCountries", true);

        JsonNode byHour = analytics.data(AnalyticsClient.TRAFFIC, hourly);
        JsonNode byDay = analytics.data(AnalyticsClient.TRAFFIC, daily);
        JsonNode whole = analytics.data(AnalyticsClient.TRAFFIC, totals);

        for (JsonNode group : byHour.get("series")) {
            assertThat(group.get("dimensions").propertyNames()).containsExactly("siteKey", "eventType", "datetimeHour");
            assertThat(group.get("dimensions").get("datetimeHour").stringValue())
                .matches("2026-1[12]-\\d\\dT\\d\\d:00:00Z");
        }
        assertThat(byDay.get("series").get(0).get("dimensions").get("date").stringValue()).matches("2026-1[12]-\\d\\d");
        Map<String, Long> perWidgetAndType = sum(whole.get("series"), SandboxTrafficTest::widgetAndType);
        assertThat(perWidgetAndType).hasSizeGreaterThan(12 * 5);
        assertThat(sum(byHour.get("series"), SandboxTrafficTest::widgetAndType)).isEqualTo(perWidgetAndType);
        assertThat(sum(byDay.get("series"), SandboxTrafficTest::widgetAndType)).isEqualTo(perWidgetAndType);
        Map<String, Long> perType = sum(whole.get("series"), SandboxTrafficTest::type);
        // Spread over hostnames or countries by shares, each group rounded on its own.
        for (String breakdown : List.of("hostnames", "countries")) {
            Map<String, Long> spread = sum(whole.get(breakdown), SandboxTrafficTest::type);
            assertThat(spread.keySet()).isEqualTo(perType.keySet());
            perType.forEach((type, count) -> assertThat(spread.get(type)).as(breakdown + " " + type)
                .isCloseTo(count, within(whole.get(breakdown).size() / 2 + 1L)));
        }
    }

    @Test
    void trafficFollowsTheDayIsMostlySolvedAndBusyWidgetsAreSampled() {
        Map<String, Object> variables = week(sandbox.enterpriseAccountId());
        variables.put("byHour", true);

        JsonNode series = analytics.data(AnalyticsClient.TRAFFIC, variables).get("series");

        Map<String, Long> perType = sum(series, SandboxTrafficTest::type);
        long issued = perType.get("challenge_issued");
        long solved = perType.get("challenge_non_interactive_solved") + perType.get("challenge_interactive_solved");
        long verified = perType.get("challenge_non_interactive_siteverify_solved")
                + perType.get("challenge_interactive_siteverify_solved")
                + perType.get("challenge_clearance_siteverify_solved");
        assertThat((double) solved / issued).isBetween(0.85, 0.97);
        assertThat((double) verified / solved).isBetween(0.9, 1.0);
        assertThat(perType).containsKeys("challenge_siteverify_failed_invalid_token",
                "challenge_siteverify_failed_double_redemption", "challenge_siteverify_failed_other");
        Map<String, Long> perHour = sum(series,
                group -> group.get("dimensions").get("eventType").stringValue().equals("challenge_issued")
                        ? group.get("dimensions").get("datetimeHour").stringValue().substring(11, 13) : "other");
        long afternoon = perHour.get("14") + perHour.get("15") + perHour.get("16");
        long night = perHour.get("02") + perHour.get("03") + perHour.get("04");
        assertThat(afternoon).isGreaterThan(3 * night);
        Set<Double> intervals = new HashSet<>();
        series.forEach(group -> intervals.add(group.get("avg").get("sampleInterval").doubleValue()));
        assertThat(intervals).contains(1.0, 10.0);
    }

    @Test
    void visitorsComeFromTheWidgetsOwnHostnames() {
        SandboxAccount free = sandbox.accounts().get(0);
        Map<String, List<String>> domains = new HashMap<>();
        free.store().all().forEach(widget -> domains.put(widget.sitekey(), widget.domains()));
        String copied = free.problems().get(DemoProblem.FOREIGN_HOSTNAME_TRAFFIC);

        JsonNode groups = analytics
            .data(BY_SITEKEY_AND_HOSTNAME, Map.of("accountTag", free.id().value(), "start",
                    HOUR.minus(Duration.ofDays(1)).toString(), "end", HOUR.toString()))
            .get("turnstileAdaptiveGroups");

        assertThat(groups).isNotEmpty();
        for (JsonNode group : groups) {
            String sitekey = group.get("dimensions").get("siteKey").stringValue();
            String hostname = group.get("dimensions").get("hostname").stringValue();
            if (!(sitekey.equals(copied) && hostname.equals(DemoProblem.FOREIGN_HOSTNAME))) {
                assertThat(domains.get(sitekey)).contains(hostname);
            }
        }
    }

    @Test
    void theTrafficIsTheSameAtEveryStart() {
        Map<String, Object> variables = week(sandbox.accountId());
        variables.put("byHour", true);
        variables.put("topHostnames", true);
        variables.put("topAsns", true);

        JsonNode once = analytics.data(AnalyticsClient.TRAFFIC, variables);
        JsonNode again = new AnalyticsClient(start()).data(AnalyticsClient.TRAFFIC, variables);

        assertThat(once.get("series")).hasSizeGreaterThan(1_000);
        assertThat(again).isEqualTo(once);
    }

    @Test
    void theFreeAccountsTroubledWidgetsShowTheirTroubles() {
        Map<DemoProblem, String> troubled = sandbox.accounts().get(0).problems();
        assertThat(troubled).containsOnlyKeys(DemoProblem.values());
        Instant dayAgo = HOUR.minus(Duration.ofDays(1));

        Map<String, Long> solveDropLastDay = types(troubled.get(DemoProblem.SOLVE_RATE_DROP), dayAgo, HOUR);
        Map<String, Long> solveDropDayBefore = types(troubled.get(DemoProblem.SOLVE_RATE_DROP),
                dayAgo.minus(Duration.ofDays(1)), dayAgo);
        Map<String, Long> burstLastHours = types(troubled.get(DemoProblem.INVALID_TOKEN_BURST),
                HOUR.minus(Duration.ofHours(6)), HOUR);
        Map<String, Long> burstDayBefore = types(troubled.get(DemoProblem.INVALID_TOKEN_BURST),
                dayAgo.minus(Duration.ofDays(1)), dayAgo);
        Map<String, Long> stoppedLastDays = types(troubled.get(DemoProblem.TRAFFIC_STOPPED),
                NOW.minus(Duration.ofDays(2)), NOW);
        Map<String, Long> stoppedBefore = types(troubled.get(DemoProblem.TRAFFIC_STOPPED),
                HOUR.minus(Duration.ofDays(5)), HOUR.minus(Duration.ofDays(3)));
        Map<String, Long> copiedHostnames = hostnames(troubled.get(DemoProblem.FOREIGN_HOSTNAME_TRAFFIC));

        assertThat(solveRate(solveDropLastDay)).isLessThan(0.6);
        assertThat(solveRate(solveDropDayBefore)).isGreaterThan(0.8);
        assertThat(invalidTokenShare(burstLastHours)).isGreaterThan(0.2);
        assertThat(invalidTokenShare(burstDayBefore)).isLessThan(0.05);
        assertThat(stoppedLastDays).isEmpty();
        assertThat(stoppedBefore.get("challenge_issued")).isPositive();
        long all = copiedHostnames.values().stream().mapToLong(Long::longValue).sum();
        assertThat((double) copiedHostnames.get(DemoProblem.FOREIGN_HOSTNAME) / all).isBetween(0.1, 0.2);
    }

    @Test
    void groupsComeInTheOrderAskedAndNoMoreThanTheLimit() {
        Map<String, Object> lastDay = Map.of("datetime_geq", HOUR.minus(Duration.ofDays(1)).toString(), "datetime_lt",
                HOUR.toString());

        JsonNode all = groups(lastDay, List.of("count_DESC"), 10_000, true, false);
        JsonNode topFive = groups(lastDay, List.of("count_DESC"), 5, true, false);
        JsonNode latestFirst = groups(lastDay, List.of("datetimeHour_DESC"), 10_000, false, true);
        JsonNode unselected = analytics.query(GROUPS, variables(lastDay, List.of("datetimeHour_ASC"), 5, true, false));

        assertThat(all.size()).isGreaterThan(5);
        assertThat(topFive).containsExactlyElementsOf(() -> all.valueStream().limit(5).iterator());
        List<Long> counts = all.valueStream().map(group -> group.get("count").longValue()).toList();
        assertThat(counts).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        List<String> hours = latestFirst.valueStream()
            .map(group -> group.get("dimensions").get("datetimeHour").stringValue())
            .toList();
        assertThat(hours).hasSize(24).first().isEqualTo("2026-12-07T07:00:00Z");
        assertThat(hours).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(unselected.get("data").isNull()).isTrue();
        assertThat(unselected.get("errors").get(0).get("message").stringValue()).contains("datetimeHour");
    }

    @Test
    void anOrAcrossFieldsCountsTheEventsThatMatchEitherSide() {
        // The busiest widget with more than one hostname, so that both sides count much.
        SandboxAccount free = sandbox.accounts().get(0);
        SandboxWidget widget = free.store()
            .all()
            .stream()
            .filter(candidate -> candidate.domains().size() > 1)
            .max(Comparator.comparingDouble(
                    candidate -> TrafficProfile.of(candidate, free.problemOf(candidate.sitekey())).peakPerSlot()))
            .orElseThrow();
        String hostname = widget.domains().get(0);
        Map<String, Object> hostnameIs = Map.of("hostname", hostname);
        Map<String, Object> issued = Map.of("eventType", "challenge_issued");

        long either = total(Map.of("OR", List.of(hostnameIs, issued)), widget);
        long onHostname = total(hostnameIs, widget);
        long ofIssued = total(issued, widget);
        long both = total(Map.of("AND", List.of(hostnameIs, issued)), widget);

        assertThat(both).isPositive().isLessThan(ofIssued);
        assertThat(either).isCloseTo(onHostname + ofIssued - both, within(2L));
    }

    @Test
    void aWidgetCreatedAtRunTimeStartsWithNoTraffic() throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient()
            .send(HttpRequest
                .newBuilder(
                        URI.create(sandbox.apiBaseUrl() + "/accounts/" + sandbox.accountId() + "/challenges/widgets"))
                .header("Authorization", "Bearer " + sandbox.apiToken().token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers
                    .ofString("{\"name\":\"Brand new\",\"mode\":\"managed\",\"domains\":[\"new.example.com\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String sitekey = JsonMapper.builder()
            .build()
            .readTree(created.body())
            .get("result")
            .get("sitekey")
            .stringValue();

        Map<String, Object> variables = AnalyticsClient.traffic(sandbox.accountId(), NOW.minus(Duration.ofDays(6)),
                NOW.plus(Duration.ofDays(1)));
        variables.put("siteKeys", List.of(sitekey));
        variables.put("byFifteenMinutes", true);
        JsonNode atCreation = analytics.data(AnalyticsClient.TRAFFIC, variables).get("series");
        clock.advance(Duration.ofDays(1));
        JsonNode aDayLater = analytics.data(AnalyticsClient.TRAFFIC, variables).get("series");

        assertThat(atCreation).isEmpty();
        for (JsonNode group : aDayLater) {
            assertThat(group.get("dimensions").get("datetimeFifteenMinutes").stringValue())
                .isGreaterThanOrEqualTo("2026-12-07T08:30:00Z");
        }
    }

    @Test
    void aMonthOfEnterpriseTrafficInWeeklyQueriesAnswersQuickly() {
        // One query first, so that the print shows the answering, not the schema's build.
        analytics.data(AnalyticsClient.TRAFFIC, week(sandbox.enterpriseAccountId()));
        Instant monthAgo = HOUR.minus(Duration.ofDays(30));
        long started = System.nanoTime();
        int groups = 0;
        for (Instant end = HOUR; end.isAfter(monthAgo); end = end.minus(Duration.ofDays(7))) {
            Instant start = end.minus(Duration.ofDays(7));
            Map<String, Object> variables = AnalyticsClient.traffic(sandbox.enterpriseAccountId(),
                    start.isBefore(monthAgo) ? monthAgo : start, end);
            for (String flag : List.of("byHour", "topHostnames", "topActions", "topCountries", "topBrowsers",
                    "topAsns")) {
                variables.put(flag, true);
            }
            groups += analytics.data(AnalyticsClient.TRAFFIC, variables).get("series").size();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        System.out.println("30 days of the Enterprise account's 12 widgets, by hour with every breakdown, in "
                + "weekly queries: " + groups + " series groups in " + millis + " ms");
        assertThat(groups).isPositive();
    }

    private SandboxServer start() {
        SandboxServer server = SandboxServer.start(
                new SandboxProperties(40, 12, 0, SandboxProperties.Faults.NONE, true),
                new SandboxFaults(SandboxProperties.Faults.NONE), clock);
        started.add(server);
        return server;
    }

    private JsonNode groups(Map<String, Object> filter, List<String> orderBy, int limit, boolean bySiteKey,
            boolean byHour) {
        return analytics.data(GROUPS, variables(filter, orderBy, limit, bySiteKey, byHour))
            .get("turnstileAdaptiveGroups");
    }

    private Map<String, Object> variables(Map<String, Object> filter, List<String> orderBy, int limit,
            boolean bySiteKey, boolean byHour) {
        return Map.of("accountTag", sandbox.accountId().value(), "filter", filter, "orderBy", orderBy, "limit", limit,
                "bySiteKey", bySiteKey, "byHour", byHour);
    }

    /** A Free widget's events of the last day that pass the condition. */
    private long total(Map<String, Object> condition, SandboxWidget widget) {
        Map<String, Object> filter = new HashMap<>(condition);
        filter.put("siteKey", widget.sitekey());
        filter.put("datetime_geq", HOUR.minus(Duration.ofDays(1)).toString());
        filter.put("datetime_lt", HOUR.toString());
        JsonNode groups = groups(filter, List.of(), 10, false, false);
        return groups.isEmpty() ? 0 : groups.get(0).get("count").longValue();
    }

    private static Map<String, Object> week(AccountId account) {
        return AnalyticsClient.traffic(account, HOUR.minus(Duration.ofDays(7)), HOUR);
    }

    /** A Free widget's events per type in [start, end). */
    private Map<String, Long> types(String sitekey, Instant start, Instant end) {
        Map<String, Object> variables = AnalyticsClient.traffic(sandbox.accountId(), start, end);
        variables.put("siteKeys", List.of(sitekey));
        return sum(analytics.data(AnalyticsClient.TRAFFIC, variables).get("series"), SandboxTrafficTest::type);
    }

    /** A Free widget's events per hostname in the last week. */
    private Map<String, Long> hostnames(String sitekey) {
        Map<String, Object> variables = week(sandbox.accountId());
        variables.put("siteKeys", List.of(sitekey));
        variables.put("eventTypes", List.of("challenge_issued"));
        variables.put("topHostnames", true);
        return sum(analytics.data(AnalyticsClient.TRAFFIC, variables).get("hostnames"),
                group -> group.get("dimensions").get("hostname").stringValue());
    }

    private static double solveRate(Map<String, Long> types) {
        return (double) (types.get("challenge_non_interactive_solved")
                + types.getOrDefault("challenge_interactive_solved", 0L)) / types.get("challenge_issued");
    }

    private static double invalidTokenShare(Map<String, Long> types) {
        long siteverify = types.entrySet()
            .stream()
            .filter(type -> type.getKey().contains("siteverify"))
            .mapToLong(Map.Entry::getValue)
            .sum();
        return (double) types.getOrDefault("challenge_siteverify_failed_invalid_token", 0L) / siteverify;
    }

    private static Map<String, Long> sum(JsonNode groups, Function<JsonNode, String> by) {
        Map<String, Long> sums = new HashMap<>();
        groups.forEach(group -> sums.merge(by.apply(group), group.get("count").longValue(), Long::sum));
        return sums;
    }

    private static String widgetAndType(JsonNode group) {
        return group.get("dimensions").get("siteKey").stringValue() + " " + type(group);
    }

    private static String type(JsonNode group) {
        return group.get("dimensions").get("eventType").stringValue();
    }

}
