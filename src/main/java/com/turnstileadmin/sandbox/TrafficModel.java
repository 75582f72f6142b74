package com.turnstileadmin.sandbox;

import java.util.Arrays;
import java.util.Random;

/**
 * A widget's simulated events in one 15-minute slot, per {@link EventKind}: the same for
 * the same profile, slot and now, so that every grouping of them adds up. Busy by day
 * (UTC) and quiet at night, lighter at weekends; each slot draws its own noise from a
 * {@link Random} seeded with the widget's seed and the slot. Only slots that have ended
 * by now have events, and none before the widget was created.
 */
final class TrafficModel {

    static final long SLOT_SECONDS = 900;

    private static final long HOUR = 3_600;

    private static final long DAY = 86_400;

    private TrafficModel() {
    }

    /** The start of the slot the instant (in epoch seconds) falls in. */
    static long slotOf(long epochSecond) {
        return Math.floorDiv(epochSecond, SLOT_SECONDS) * SLOT_SECONDS;
    }

    /**
     * Fills {@code counts} (one per {@link EventKind}) with the slot's events.
     * @param slot the slot's start, in epoch seconds
     * @param nowSlot the start of the slot now is in: that one and later have no events
     * yet, and the demo troubles are timed back from it
     */
    static void fill(TrafficProfile profile, long slot, long nowSlot, long[] counts) {
        Arrays.fill(counts, 0);
        DemoProblem problem = profile.problem();
        if (slot < profile.createdOn() || slot >= nowSlot
                || problem == DemoProblem.TRAFFIC_STOPPED && slot >= nowSlot - 2 * DAY) {
            return;
        }
        Random random = new Random(mix(profile.seed() + (slot / SLOT_SECONDS) * 0x9E3779B97F4A7C15L));
        // Counted in kept events: a sampled widget's are multiplied up at the end, so
        // that its counts stay consistent with one another.
        double expected = profile.peakPerSlot() * rhythm(slot, profile.peakHour()) * (0.85 + 0.3 * random.nextDouble())
                / profile.sampleInterval();
        long issued = draw(expected, random);
        double solveRate = problem == DemoProblem.SOLVE_RATE_DROP && slot >= nowSlot - DAY ? 0.4 : profile.solveRate();
        long solved = Math.min(issued, draw(issued * (solveRate + 0.04 * (random.nextDouble() - 0.5)), random));
        long interactive = Math.min(solved, draw(solved * profile.interactiveShare(), random));
        long nonInteractive = solved - interactive;
        long verified = Math.min(solved, draw(solved * profile.verifyRate(), random));
        long clearance = Math.min(verified, draw(verified * profile.clearanceShare(), random));
        long tokens = verified - clearance;
        long interactiveVerified = solved == 0 ? 0 : Math.round(tokens * (double) interactive / solved);
        double invalidTokenRate = problem == DemoProblem.INVALID_TOKEN_BURST && slot >= nowSlot - 12 * HOUR ? 0.43
                : profile.invalidTokenRate();
        set(counts, EventKind.ISSUED, issued, profile);
        set(counts, EventKind.NON_INTERACTIVE_SOLVED, nonInteractive, profile);
        set(counts, EventKind.INTERACTIVE_SOLVED, interactive, profile);
        set(counts, EventKind.NON_INTERACTIVE_SITEVERIFY_SOLVED, Math.min(nonInteractive, tokens - interactiveVerified),
                profile);
        set(counts, EventKind.INTERACTIVE_SITEVERIFY_SOLVED, interactiveVerified, profile);
        set(counts, EventKind.CLEARANCE_SITEVERIFY_SOLVED, clearance, profile);
        set(counts, EventKind.SITEVERIFY_FAILED_INVALID_TOKEN, draw(verified * invalidTokenRate, random), profile);
        set(counts, EventKind.SITEVERIFY_FAILED_DOUBLE_REDEMPTION,
                draw(verified * profile.doubleRedemptionRate(), random), profile);
        set(counts, EventKind.SITEVERIFY_FAILED_OTHER, draw(verified * profile.otherFailureRate(), random), profile);
        set(counts, EventKind.SITEVERIFY_RATELIMITED, draw(verified * 0.0004, random), profile);
    }

    private static void set(long[] counts, EventKind kind, long kept, TrafficProfile profile) {
        counts[kind.ordinal()] = kept * profile.sampleInterval();
    }

    /**
     * From 0.15 at night to 1 at the widget's peak hour, and a quarter less at weekends.
     */
    private static double rhythm(long slot, int peakHour) {
        double hour = Math.floorMod(slot, DAY) / (double) HOUR;
        double daily = 0.15 + 0.85 * 0.5 * (1 + Math.cos(2 * Math.PI * (hour - peakHour) / 24));
        // 1970-01-01 was a Thursday: with this shift Monday is 0 and Saturday 5.
        long weekday = Math.floorMod(Math.floorDiv(slot, DAY) + 3, 7);
        return weekday >= 5 ? daily * 0.75 : daily;
    }

    /**
     * A whole number whose mean is {@code expected}: its fraction becomes one more with
     * that chance, so that even a rare event turns up now and then.
     */
    private static long draw(double expected, Random random) {
        double whole = Math.floor(expected);
        return (long) whole + (random.nextDouble() < expected - whole ? 1 : 0);
    }

    /** SplitMix64's finaliser: neighbouring slots get unrelated seeds. */
    private static long mix(long value) {
        long z = (value ^ (value >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

}
