package com.turnstileadmin.analytics;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.account.CloudflareAccount;
import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.security.SignedInUser;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.Widget;
import com.turnstileadmin.widget.WidgetPage;
import com.turnstileadmin.widget.WidgetQuery;
import com.turnstileadmin.widget.WidgetService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Turnstile analytics for the pages: a widget's health in a window, the list's
 * sparklines, and the overview across accounts. Viewers may see them all; reading them is
 * recorded in no audit trail.
 *
 * <p>
 * Every answer from Cloudflare is kept for {@code analytics.cache-for} (5 minutes) and
 * shared by all users of this replica, keyed by the account and the whole query, whose
 * windows end on a step of that length: ten people opening the same page within it cost
 * one query, and one account's numbers are never another's. The list's sparklines are
 * kept per widget, so that a page asks only for the widgets no other page showed. A
 * refusal (a missing permission) is kept as long, so that it is not asked again on every
 * view; a failure to reach Cloudflare is not kept. Each query actually sent is taken from
 * the account's analytics budget ({@link AccountAnalyticsBudget}) first, and from
 * nobody's share of the rate limit ({@link com.turnstileadmin.widget.UserCallBudget}):
 * that is for the widget calls of the user's own pages, which charts loading beside them
 * must not spend. An account's {@code settings} are asked once per
 * {@code analytics.settings-for} (an hour), and each query is built from them.
 */
@Service
public class WidgetAnalyticsService {

    /**
     * Groups of (value, event type) asked per breakdown: the top 10 values and then some.
     */
    static final int TOP_GROUPS = 200;

    /** Top values shown per breakdown. */
    static final int TOP_SHOWN = 10;

    /** The widgets the overview reads per account: one page, one call. */
    static final int OVERVIEW_WIDGETS = WidgetQuery.MAX_PER_PAGE;

    private static final Set<Breakdown> PANEL_BREAKDOWNS = EnumSet.allOf(Breakdown.class);

    private static final Set<EventType> TREND_TYPES = EnumSet.of(EventType.CHALLENGE_ISSUED,
            EventType.NON_INTERACTIVE_SOLVED, EventType.INTERACTIVE_SOLVED);

    /**
     * Every known type but the rate-limited siteverify, which the overview does not
     * judge.
     */
    private static final Set<EventType> OVERVIEW_TYPES = Arrays.stream(EventType.values())
        .filter(type -> type != EventType.OTHER && type != EventType.SITEVERIFY_RATELIMITED)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(EventType.class)));

    /** How long an account's refused {@code settings} are kept before asking again. */
    private static final Duration REFUSAL_KEPT = Duration.ofMinutes(1);

    private final TurnstileAnalytics cloudflare;

    private final WidgetService widgets;

    private final CloudflareAccounts accounts;

    private final AccountAnalyticsBudget accountBudget;

    private final Clock clock;

    private final Cache<AccountId, Outcome<AnalyticsSettings>> settings;

    private final Cache<TrafficKey, Outcome<TrafficReport>> answers;

    private final Cache<TrendKey, WidgetTrend> trends;

    /** The step by which windows end: {@code analytics.cache-for}. */
    private final Duration step;

    public WidgetAnalyticsService(TurnstileAnalytics cloudflare, WidgetService widgets, CloudflareAccounts accounts,
            AnalyticsProperties properties, Clock clock, ObjectProvider<Ticker> tickers) {
        Ticker ticker = tickers.getIfAvailable(Ticker::systemTicker);
        this.cloudflare = cloudflare;
        this.widgets = widgets;
        this.accounts = accounts;
        this.accountBudget = new AccountAnalyticsBudget(properties.budget(), ticker);
        this.clock = clock;
        // A refusal (a permission missing) is asked again after a minute, not an hour:
        // the page tells the user to add the permission, which should then show soon.
        this.settings = Caffeine.newBuilder()
            .ticker(ticker)
            .expireAfter(new OutcomeExpiry<AccountId, AnalyticsSettings>(properties.settingsFor(), REFUSAL_KEPT))
            .build();
        // Bounded: a key per account, query and step, and a page asks a few.
        this.answers = Caffeine.newBuilder()
            .ticker(ticker)
            .expireAfterWrite(properties.cacheFor())
            .maximumSize(10_000)
            .build();
        // A key per widget and step: a trend is 25 numbers and its totals.
        this.trends = Caffeine.newBuilder()
            .ticker(ticker)
            .expireAfterWrite(properties.cacheFor())
            .maximumSize(100_000)
            .build();
        this.step = properties.cacheFor();
    }

    /** The windows the account's history covers, shortest first. */
    @PreAuthorize("hasRole('VIEWER')")
    public List<AnalyticsWindow> windows(SignedInUser user, AccountId account) {
        Duration history = settings(account).notOlderThan();
        return Arrays.stream(AnalyticsWindow.values()).filter(window -> window.fitsIn(history)).toList();
    }

    /**
     * How the widget did in the window: one query, or one per part when the window is
     * longer than a query may span (30 days are asked in weeks).
     * @throws AnalyticsRefusedException if Cloudflare refused (see
     * {@link AnalyticsProblem#of})
     */
    @PreAuthorize("hasRole('VIEWER')")
    public WidgetHealth health(SignedInUser user, AccountId account, Widget widget, AnalyticsWindow window) {
        AnalyticsSettings offered = settings(account);
        Instant end = now();
        Instant start = windowStart(end, window.length(), offered);
        TimeBucket bucket = offered.offers(window.bucket()) ? window.bucket() : null;
        Set<Breakdown> breakdowns = EnumSet.noneOf(Breakdown.class);
        Set<Breakdown> notOffered = EnumSet.noneOf(Breakdown.class);
        PANEL_BREAKDOWNS.forEach(b -> (offered.offers(b) ? breakdowns : notOffered).add(b));
        List<TrafficReport> parts = new ArrayList<>();
        for (Instant[] part : parts(start, end, offered.maxDuration())) {
            parts.add(traffic(account, new TrafficQuery(part[0], part[1], List.of(widget.sitekey()), Set.of(), bucket,
                    breakdowns, offered.maxPageSize(), Math.min(TOP_GROUPS, offered.maxPageSize()))));
        }
        EventTotals totals = EventTotals.NONE;
        Map<Instant, EventTotals> buckets = new LinkedHashMap<>();
        if (bucket != null) {
            bucketStarts(start, end, bucket).forEach(at -> buckets.put(at, EventTotals.NONE));
        }
        Map<Breakdown, Map<String, EventTotals>> values = new LinkedHashMap<>();
        for (TrafficReport part : parts) {
            for (TrafficReport.SeriesGroup group : part.series()) {
                totals = totals.plus(group.type(), group.count(), group.sampleInterval());
                if (bucket != null && group.bucketStart() != null) {
                    buckets.merge(floor(group.bucketStart(), bucket),
                            EventTotals.of(group.type(), group.count(), group.sampleInterval()), EventTotals::plus);
                }
            }
            part.breakdowns().forEach((breakdown, groups) -> {
                Map<String, EventTotals> byValue = values.computeIfAbsent(breakdown, b -> new LinkedHashMap<>());
                groups.forEach(group -> byValue.merge(group.value(),
                        EventTotals.of(group.type(), group.count(), group.sampleInterval()), EventTotals::plus));
            });
        }
        List<HealthPoint> points = buckets.entrySet()
            .stream()
            .map(entry -> new HealthPoint(entry.getKey(), entry.getValue()))
            .toList();
        Map<Breakdown, List<TopValue>> top = new LinkedHashMap<>();
        values.forEach((breakdown, byValue) -> top.put(breakdown, top(breakdown, byValue, widget)));
        return new WidgetHealth(window, start, end, totals, points, top, notOffered, parts.size());
    }

    /**
     * The last 24 hours of each of the widgets, for the list's sparklines: one query for
     * those whose trend no page asked for in this step, none if every one was. A widget
     * without events has a flat trend of zeros; asked for with more than about 130
     * others, its trend has totals only (no hours).
     */
    @PreAuthorize("hasRole('VIEWER')")
    public Map<Sitekey, WidgetTrend> trends(SignedInUser user, AccountId account, List<Sitekey> sitekeys) {
        if (sitekeys.isEmpty()) {
            return Map.of();
        }
        Instant end = now();
        Map<TrendKey, WidgetTrend> kept = trends.getAll(
                sitekeys.stream().map(sitekey -> new TrendKey(account, sitekey, end)).toList(),
                missing -> askTrends(account, missing.stream().map(TrendKey::sitekey).toList(), end).entrySet()
                    .stream()
                    .collect(Collectors.toMap(entry -> new TrendKey(account, entry.getKey(), end),
                            Map.Entry::getValue)));
        Map<Sitekey, WidgetTrend> asked = new LinkedHashMap<>();
        sitekeys.forEach(sitekey -> asked.put(sitekey, kept.get(new TrendKey(account, sitekey, end))));
        return asked;
    }

    /** The trends of widgets none is kept for: one query. */
    private Map<Sitekey, WidgetTrend> askTrends(AccountId account, List<Sitekey> sitekeys, Instant end) {
        AnalyticsSettings offered = settings(account);
        Instant start = windowStart(end, AnalyticsWindow.LAST_24_HOURS.length(), offered);
        // A group per widget, type and hour (25 hours: the first one begun before the
        // window): a page too large for that in one answer gets its totals without the
        // hours, in the one query still, rather than a series cut off at the limit.
        long groupsByHour = (long) sitekeys.size() * TREND_TYPES.size() * 25;
        TimeBucket bucket = offered.offers(TimeBucket.HOUR) && groupsByHour <= offered.maxPageSize() ? TimeBucket.HOUR
                : null;
        TrafficReport report = traffic(account,
                new TrafficQuery(start, end, sitekeys, TREND_TYPES, bucket, Set.of(), offered.maxPageSize(), 1));
        Map<Sitekey, Map<Instant, Long>> issued = new LinkedHashMap<>();
        Map<Sitekey, EventTotals> totals = new LinkedHashMap<>();
        for (TrafficReport.SeriesGroup group : report.series()) {
            totals.merge(group.sitekey(), EventTotals.of(group.type(), group.count(), group.sampleInterval()),
                    EventTotals::plus);
            if (bucket != null && group.type() == EventType.CHALLENGE_ISSUED && group.bucketStart() != null) {
                issued.computeIfAbsent(group.sitekey(), key -> new LinkedHashMap<>())
                    .merge(floor(group.bucketStart(), bucket), group.count(), Long::sum);
            }
        }
        List<Instant> hours = bucket == null ? List.of() : bucketStarts(start, end, bucket);
        Map<Sitekey, WidgetTrend> trends = new LinkedHashMap<>();
        for (Sitekey sitekey : sitekeys) {
            Map<Instant, Long> counts = issued.getOrDefault(sitekey, Map.of());
            List<Long> perHour = hours.stream().map(at -> counts.getOrDefault(at, 0L)).toList();
            trends.put(sitekey, new WidgetTrend(sitekey, perHour, totals.getOrDefault(sitekey, EventTotals.NONE)));
        }
        return trends;
    }

    /**
     * Every configured account's widgets, the most troubled first: per account one call
     * for the widget list and two queries (the last 24 hours, and the days before). An
     * account that fails says why and leaves the others be.
     */
    @PreAuthorize("hasRole('VIEWER')")
    public List<AccountHealth> overview(SignedInUser user) {
        return accounts.all().stream().map(account -> accountHealth(user, account)).toList();
    }

    private AccountHealth accountHealth(SignedInUser user, CloudflareAccount account) {
        try {
            AnalyticsSettings offered = settings(account.id());
            WidgetPage page = widgets.list(user, account.id(), WidgetQuery.firstPage().withPerPage(OVERVIEW_WIDGETS));
            // The page's widgets by name, so that the answer holds only theirs.
            List<Sitekey> sitekeys = page.widgets().stream().map(Widget::sitekey).toList();
            Instant end = now();
            Instant dayStart = end.minus(Duration.ofHours(24));
            Instant weekStart = windowStart(end, AnalyticsWindow.LAST_7_DAYS.length(), offered);
            Map<Sitekey, EventTotals> lastDay = totalsBySitekey(traffic(account.id(), new TrafficQuery(dayStart, end,
                    List.of(), OVERVIEW_TYPES, null, Set.of(), offered.maxPageSize(), 1)));
            Map<Sitekey, EventTotals> before = weekStart.isBefore(dayStart)
                    ? totalsBySitekey(traffic(account.id(), new TrafficQuery(weekStart, dayStart, sitekeys,
                            OVERVIEW_TYPES, null, Set.of(), offered.maxPageSize(), 1)))
                    : Map.of();
            double beforeDays = Math.max(0, Duration.between(weekStart, dayStart).toMinutes() / (24.0 * 60));
            List<WidgetTrouble> judged = page.widgets()
                .stream()
                .map(widget -> WidgetTrouble.judge(widget, lastDay.getOrDefault(widget.sitekey(), EventTotals.NONE),
                        before.getOrDefault(widget.sitekey(), EventTotals.NONE), beforeDays))
                .sorted(Comparator.comparingDouble(WidgetTrouble::severity)
                    .reversed()
                    .thenComparing(trouble -> -trouble.lastDay().issued()))
                .toList();
            return new AccountHealth(account, judged, !page.hasNext(), null);
        }
        catch (RuntimeException failure) {
            return AccountHealth.failed(account, AnalyticsProblem.shownFor(failure));
        }
    }

    private static Map<Sitekey, EventTotals> totalsBySitekey(TrafficReport report) {
        Map<Sitekey, EventTotals> totals = new LinkedHashMap<>();
        report.series()
            .forEach(group -> totals.merge(group.sitekey(),
                    EventTotals.of(group.type(), group.count(), group.sampleInterval()), EventTotals::plus));
        return totals;
    }

    private List<TopValue> top(Breakdown breakdown, Map<String, EventTotals> byValue, Widget widget) {
        return byValue.entrySet()
            .stream()
            .sorted(Comparator.comparingLong((Map.Entry<String, EventTotals> entry) -> entry.getValue().issued())
                .thenComparingLong(entry -> entry.getValue().total())
                .reversed())
            .map(entry -> new TopValue(entry.getKey(), entry.getValue(),
                    breakdown == Breakdown.HOSTNAME && !HostnameCoverage.covers(widget, entry.getKey())))
            // The top ten, and every hostname the widget does not list however few its
            // events: a copied site starts small.
            .filter(new TopOrUnexpected(TOP_SHOWN))
            .toList();
    }

    private AnalyticsSettings settings(AccountId account) {
        return settings.get(account, id -> attempt(id, () -> cloudflare.settings(id)))
            .orThrow(offered -> offered.enabled() ? null : new AnalyticsRefusedException(
                    AnalyticsRefusedException.Kind.DISABLED, "Turnstile analytics are not enabled for the account"));
    }

    private TrafficReport traffic(AccountId account, TrafficQuery query) {
        return answers
            .get(new TrafficKey(account, query), key -> attempt(account, () -> cloudflare.traffic(account, query)))
            .orThrow(report -> null);
    }

    /**
     * One call, taken from the account's budget first; its refusal is an outcome to keep,
     * any other failure is thrown and kept nowhere.
     */
    private <T> Outcome<T> attempt(AccountId account, Supplier<T> call) {
        accountBudget.spend(account);
        try {
            return new Outcome<>(call.get(), null);
        }
        catch (AnalyticsRefusedException refused) {
            return new Outcome<>(null, refused);
        }
    }

    /**
     * Now, to the step (5 minutes by default): the end of every window, and part of each
     * cache key, so that a page asks the same question all through a step.
     */
    private Instant now() {
        long seconds = step.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(clock.instant().getEpochSecond(), seconds) * seconds);
    }

    /**
     * The window's start, or later if the account's history is shorter: a query reaching
     * further back would be refused. A step and two minutes of margin, as {@code end} is
     * up to a step behind the instant Cloudflare checks against; from {@code end}, not
     * from now, so that the query (the cache key) stays the same all through the step.
     */
    private Instant windowStart(Instant end, Duration length, AnalyticsSettings offered) {
        Instant start = end.minus(length);
        Instant oldest = end.minus(offered.notOlderThan()).plus(step).plus(AnalyticsWindow.SLACK);
        return start.isBefore(oldest) ? oldest : start;
    }

    /** [start, end) cut into parts no longer than one query may span. */
    private static List<Instant[]> parts(Instant start, Instant end, Duration maxDuration) {
        List<Instant[]> parts = new ArrayList<>();
        for (Instant from = start; from.isBefore(end);) {
            Instant to = from.plus(maxDuration);
            to = to.isAfter(end) ? end : to;
            parts.add(new Instant[] { from, to });
            from = to;
        }
        return parts;
    }

    /** The starts of the buckets that [start, end) touches, the first begun before it. */
    private static List<Instant> bucketStarts(Instant start, Instant end, TimeBucket bucket) {
        List<Instant> starts = new ArrayList<>();
        for (Instant at = floor(start, bucket); at.isBefore(end); at = at.plus(bucket.length())) {
            starts.add(at);
        }
        return starts;
    }

    private static Instant floor(Instant instant, TimeBucket bucket) {
        long seconds = bucket.length().toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), seconds) * seconds);
    }

    private record TrafficKey(AccountId account, TrafficQuery query) {
    }

    private record TrendKey(AccountId account, Sitekey sitekey, Instant end) {
    }

    /** An answer kept for {@code kept}, a refusal for {@code refused}. */
    private record OutcomeExpiry<K, V>(Duration kept,
            Duration refused) implements com.github.benmanes.caffeine.cache.Expiry<K, Outcome<V>> {

        @Override
        public long expireAfterCreate(K key, Outcome<V> outcome, long now) {
            return (outcome.refused() == null ? kept : refused).toNanos();
        }

        @Override
        public long expireAfterUpdate(K key, Outcome<V> outcome, long now, long current) {
            return expireAfterCreate(key, outcome, now);
        }

        @Override
        public long expireAfterRead(K key, Outcome<V> outcome, long now, long current) {
            return current;
        }

    }

    /** Passes the first {@code limit} values, and after them the unexpected ones. */
    private static final class TopOrUnexpected implements java.util.function.Predicate<TopValue> {

        private final int limit;

        private int passed;

        TopOrUnexpected(int limit) {
            this.limit = limit;
        }

        @Override
        public boolean test(TopValue value) {
            return passed++ < limit || value.unexpected();
        }

    }

    /**
     * An answer, or Cloudflare's refusal of the question, which the same question would
     * get again: both are cached alike.
     */
    private record Outcome<T>(@Nullable T value, @Nullable AnalyticsRefusedException refused) {

        /** The value, unless refused, or unless {@code check} finds a refusal in it. */
        T orThrow(Function<T, @Nullable AnalyticsRefusedException> check) {
            if (refused != null) {
                throw refused;
            }
            AnalyticsRefusedException problem = check.apply(value);
            if (problem != null) {
                throw problem;
            }
            return value;
        }

    }

}
