package com.turnstileadmin.sandbox;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * What a widget's simulated traffic is like, drawn once from its sitekey: how busy it is,
 * how often visitors solve and sites verify, and how its visitors spread over hostnames,
 * actions, countries, browsers, systems and networks. The same sitekey always draws the
 * same profile ({@link Random}'s sequence is specified), so the traffic is the same at
 * every start.
 *
 * @param createdOn the first instant with traffic, in epoch seconds
 * @param peakPerSlot challenges issued in a 15-minute slot at the daily peak, on average
 * @param peakHour the UTC hour of that peak
 * @param sampleInterval how many events each kept one stands for: 10 on busy widgets,
 * whose counts Cloudflare estimates from a sample, 1 on quiet ones
 * @param spreads each spread dimension's values with their shares, which sum to 1
 */
record TrafficProfile(String sitekey, long seed, long createdOn, double peakPerSlot, int peakHour, double solveRate,
        double interactiveShare, double verifyRate, double clearanceShare, double invalidTokenRate,
        double doubleRedemptionRate, double otherFailureRate, int sampleInterval, @Nullable DemoProblem problem,
        Map<Dimension, List<Share>> spreads) {

    /** One value of a spread dimension (an ASN as a {@code Long}) and its share. */
    record Share(Object value, double share) {
    }

    /** Widgets busier than this at their peak are sampled. */
    private static final double SAMPLED_FROM = 150;

    /** Hostnames for a widget that allows any (an Enterprise one with no domains). */
    private static final List<String> ANY_HOSTNAMES = List.of("www.example.org", "landing.example.net",
            "m.example.org");

    private static final List<String> ACTIONS = List.of("login", "signup", "checkout");

    private static final List<String> COUNTRIES = List.of("US", "DE", "GB", "FR", "IN", "BR", "JP", "CA", "NL", "AU",
            "ES", "SG");

    private static final double[] COUNTRY_WEIGHTS = { 30, 10, 8, 6, 8, 5, 5, 4, 3, 3, 3, 2 };

    /** A site's country-code domain draws most of its visitors from that country. */
    private static final Map<String, String> COUNTRY_DOMAINS = Map.of(".de", "DE", ".co.uk", "GB", ".fr", "FR",
            ".com.au", "AU", ".ca", "CA", ".jp", "JP", ".es", "ES");

    private static final List<String> BROWSERS = List.of("Chrome", "Safari", "Edge", "Firefox", "Samsung Internet",
            "Opera");

    private static final double[] BROWSER_WEIGHTS = { 62, 20, 7, 5, 4, 2 };

    private static final List<String> SYSTEMS = List.of("Windows", "Android", "iOS", "macOS", "Linux", "ChromeOS");

    private static final double[] SYSTEM_WEIGHTS = { 30, 30, 20, 12, 5, 3 };

    /**
     * Large access and cloud networks; ASN 0 is what Cloudflare reports for manual
     * siteverify probes.
     */
    private static final List<Long> ASNS = List.of(7922L, 701L, 3320L, 2856L, 3215L, 16509L, 15169L, 8075L, 9808L, 0L);

    private static final double[] ASN_WEIGHTS = { 12, 8, 7, 6, 6, 4, 3, 3, 5, 1 };

    static TrafficProfile of(SandboxWidget widget, @Nullable DemoProblem problem) {
        long seed = seed(widget.sitekey());
        Random random = new Random(seed);
        // Log-uniform, so that a few widgets are busy and most are quiet.
        double peak = Math.exp(Math.log(0.3) + random.nextDouble() * Math.log(1500 / 0.3));
        if (problem != null) {
            // A trouble must be visible in a day's counts, not lost in noise.
            peak = Math.max(peak, 25);
        }
        int peakHour = 12 + random.nextInt(6);
        double solveRate = 0.86 + 0.1 * random.nextDouble();
        double interactive = widget.settings().mode().equals("managed") ? 0.05 + 0.2 * random.nextDouble() : 0;
        double verifyRate = 0.93 + 0.06 * random.nextDouble();
        double clearance = widget.settings().clearanceLevel().equals("no_clearance")
                ? 0.005 + 0.01 * random.nextDouble() : 0.06 + 0.06 * random.nextDouble();
        double invalidToken = 0.003 + 0.012 * random.nextDouble();
        double doubleRedemption = 0.001 + 0.004 * random.nextDouble();
        double otherFailure = 0.0005 + 0.002 * random.nextDouble();
        Map<Dimension, List<Share>> spreads = new EnumMap<>(Dimension.class);
        spreads.put(Dimension.HOSTNAME, hostnames(widget.domains(), problem, random));
        spreads.put(Dimension.ACTION, actions(widget.name(), random));
        spreads.put(Dimension.CLIENT_COUNTRY_NAME, weighted(COUNTRIES, countryWeights(widget.domains()), random));
        spreads.put(Dimension.BROWSER_NAME, weighted(BROWSERS, BROWSER_WEIGHTS, random));
        spreads.put(Dimension.OS_NAME, weighted(SYSTEMS, SYSTEM_WEIGHTS, random));
        spreads.put(Dimension.ASN, weighted(ASNS, ASN_WEIGHTS, random));
        return new TrafficProfile(widget.sitekey(), seed, widget.createdOn().getEpochSecond(), peak, peakHour,
                solveRate, interactive, verifyRate, clearance, invalidToken, doubleRedemption, otherFailure,
                peak >= SAMPLED_FROM ? 10 : 1, problem, Map.copyOf(spreads));
    }

    /**
     * FNV-1a over the sitekey: a hash Java's own {@code hashCode} would spread too
     * thinly.
     */
    private static long seed(String sitekey) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < sitekey.length(); i++) {
            hash = (hash ^ sitekey.charAt(i)) * 0x100000001b3L;
        }
        return hash;
    }

    private static List<Share> hostnames(List<String> domains, @Nullable DemoProblem problem, Random random) {
        List<String> hosts = domains.isEmpty() ? ANY_HOSTNAMES : domains;
        double[] weights = new double[hosts.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 1.0 / (i + 1);
        }
        List<Share> shares = weighted(hosts, weights, random);
        if (problem != DemoProblem.FOREIGN_HOSTNAME_TRAFFIC) {
            return shares;
        }
        List<Share> withCopy = new ArrayList<>();
        shares.forEach(share -> withCopy.add(new Share(share.value(), share.share() * 0.85)));
        withCopy.add(new Share(DemoProblem.FOREIGN_HOSTNAME, 0.15));
        return List.copyOf(withCopy);
    }

    /**
     * The form's own action, no action at all (an empty string, as Cloudflare reports
     * it), and one other.
     */
    private static List<Share> actions(String name, Random random) {
        String lower = name.toLowerCase(Locale.ROOT);
        String primary = lower.contains("login") ? "login" : lower.contains("sign-up") ? "signup"
                : lower.contains("checkout") ? "checkout" : ACTIONS.get(random.nextInt(ACTIONS.size()));
        String secondary = ACTIONS.get((ACTIONS.indexOf(primary) + 1 + random.nextInt(2)) % ACTIONS.size());
        return weighted(List.of(primary, "", secondary), new double[] { 0.7, 0.2, 0.1 }, random);
    }

    private static double[] countryWeights(List<String> domains) {
        double[] weights = COUNTRY_WEIGHTS.clone();
        for (String domain : domains) {
            COUNTRY_DOMAINS.forEach((suffix, country) -> {
                if (domain.endsWith(suffix)) {
                    weights[COUNTRIES.indexOf(country)] *= 8;
                }
            });
        }
        return weights;
    }

    /** The values with their weights, each varied by up to half, as shares of 1. */
    private static List<Share> weighted(List<?> values, double[] weights, Random random) {
        double[] varied = new double[values.size()];
        double total = 0;
        for (int i = 0; i < varied.length; i++) {
            varied[i] = weights[i] * (0.5 + random.nextDouble());
            total += varied[i];
        }
        List<Share> shares = new ArrayList<>();
        for (int i = 0; i < varied.length; i++) {
            shares.add(new Share(values.get(i), varied[i] / total));
        }
        return List.copyOf(shares);
    }

}
