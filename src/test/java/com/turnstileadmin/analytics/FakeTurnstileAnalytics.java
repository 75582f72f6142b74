package com.turnstileadmin.analytics;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.analytics.TrafficReport.BreakdownGroup;
import com.turnstileadmin.analytics.TrafficReport.SeriesGroup;
import com.turnstileadmin.widget.Sitekey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cloudflare's analytics for slice tests: each widget given a {@link Profile} has the
 * same events every hour, and a different solve rate in the last 24 hours if its profile
 * says so; it answers only what a query asks (its sitekeys, types, bucket and
 * breakdowns), counts the calls, and refuses an account's queries when told to.
 */
public final class FakeTurnstileAnalytics implements TurnstileAnalytics {

    /** What a Free account's settings say: every dimension, a week kept. */
    public static final AnalyticsSettings FREE = new AnalyticsSettings(true,
            Set.of("siteKey", "eventType", "action", "hostname", "browserName", "osName", "asn", "clientCountryName",
                    "date", "datetime", "datetimeHour", "datetimeFifteenMinutes"),
            Duration.ofSeconds(608_400), Duration.ofDays(7), 10_000);

    /**
     * A widget's events per hour.
     *
     * @param lastDaySolveRate the share solved in the last 24 hours; before, 0.95
     * @param hostnames where its challenges are issued, each with its share
     */
    public record Profile(long issuedPerHour, double lastDaySolveRate, long invalidPerHour,
            Map<String, Double> hostnames) {
    }

    private final Clock clock = Clock.systemUTC();

    private final Map<Sitekey, Profile> profiles = new ConcurrentHashMap<>();

    private final Map<AccountId, RuntimeException> refusals = new ConcurrentHashMap<>();

    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    private final List<List<Sitekey>> askedSitekeys = Collections.synchronizedList(new ArrayList<>());

    private volatile AnalyticsSettings settings = FREE;

    public void reset() {
        profiles.clear();
        refusals.clear();
        calls.clear();
        askedSitekeys.clear();
        settings = FREE;
    }

    public void profile(Sitekey sitekey, Profile profile) {
        profiles.put(sitekey, profile);
    }

    public void settings(AnalyticsSettings offered) {
        settings = offered;
    }

    /** Every call for the account fails with {@code failure} from now on. */
    public void refuse(AccountId account, RuntimeException failure) {
        refusals.put(account, failure);
    }

    /** The account's calls answer again. */
    public void allow(AccountId account) {
        refusals.remove(account);
    }

    /** The calls made, e.g. {@code settings <account>} and {@code traffic <account>}. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public AnalyticsSettings settings(AccountId account) {
        calls.add("settings " + account.value());
        failIfRefused(account);
        return settings;
    }

    /** The sitekeys each traffic query named, in order (empty: every widget). */
    public List<List<Sitekey>> askedSitekeys() {
        return List.copyOf(askedSitekeys);
    }

    @Override
    public TrafficReport traffic(AccountId account, TrafficQuery query) {
        calls.add("traffic " + account.value());
        askedSitekeys.add(query.sitekeys());
        failIfRefused(account);
        // A query of the last 24 hours is all "last day", its first hour begun before
        // them
        // too; in a longer one, the hours from 24 hours ago on.
        Instant dayStart = clock.instant().minus(Duration.ofHours(24));
        boolean lastDayQuery = !query.start().isBefore(dayStart.minus(Duration.ofMinutes(10)));
        Map<String, SeriesGroup> series = new LinkedHashMap<>();
        Map<Breakdown, Map<String, BreakdownGroup>> breakdowns = new EnumMap<>(Breakdown.class);
        profiles.forEach((sitekey, profile) -> {
            if (!query.sitekeys().isEmpty() && !query.sitekeys().contains(sitekey)) {
                return;
            }
            for (Instant hour = query.start().truncatedTo(ChronoUnit.HOURS); hour
                .isBefore(query.end()); hour = hour.plus(Duration.ofHours(1))) {
                boolean lastDay = lastDayQuery || !hour.isBefore(dayStart);
                double rate = lastDay ? profile.lastDaySolveRate() : 0.95;
                long solved = Math.round(profile.issuedPerHour() * rate);
                Map<EventType, Long> events = Map.of(EventType.CHALLENGE_ISSUED, profile.issuedPerHour(),
                        EventType.NON_INTERACTIVE_SOLVED, solved, EventType.NON_INTERACTIVE_SITEVERIFY_SOLVED, solved,
                        EventType.SITEVERIFY_FAILED_INVALID_TOKEN, profile.invalidPerHour());
                Instant bucket = bucket(hour, query.bucket());
                events.forEach((type, count) -> {
                    if (count == 0 || (!query.eventTypes().isEmpty() && !query.eventTypes().contains(type))) {
                        return;
                    }
                    series.merge(sitekey.value() + type + bucket, new SeriesGroup(sitekey, type, bucket, count, 1),
                            (a, b) -> new SeriesGroup(sitekey, type, bucket, a.count() + b.count(), 1));
                    for (Breakdown breakdown : query.breakdowns()) {
                        Map<String, Double> shares = breakdown == Breakdown.HOSTNAME ? profile.hostnames()
                                : Map.of(breakdown == Breakdown.ASN ? "13335" : "x", 1.0);
                        shares
                            .forEach((value, share) -> breakdowns.computeIfAbsent(breakdown, b -> new LinkedHashMap<>())
                                .merge(value + type, new BreakdownGroup(value, type, Math.round(count * share), 1),
                                        (a, b) -> new BreakdownGroup(value, type, a.count() + b.count(), 1)));
                    }
                });
            }
        });
        Map<Breakdown, List<BreakdownGroup>> top = new EnumMap<>(Breakdown.class);
        for (Breakdown breakdown : query.breakdowns()) {
            top.put(breakdown, List.copyOf(breakdowns.getOrDefault(breakdown, Map.of()).values()));
        }
        return new TrafficReport(List.copyOf(series.values()), top);
    }

    private void failIfRefused(AccountId account) {
        RuntimeException failure = refusals.get(account);
        if (failure != null) {
            throw failure;
        }
    }

    private static Instant bucket(Instant hour, TimeBucket bucket) {
        if (bucket == null) {
            return null;
        }
        long seconds = bucket.length().toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(hour.getEpochSecond(), seconds) * seconds);
    }

}
