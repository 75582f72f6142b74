package com.turnstileadmin.analytics;

import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Events of a widget (or of a time bucket, or of a hostname) by type, and the figures the
 * pages show from them. Solved counts the two client-side solves; the siteverify figures
 * are what the site's server learnt when it checked the tokens.
 *
 * @param sampleInterval the largest average sample interval among the groups counted: 1
 * when every event was kept, 10 when each kept event stands for ten
 */
public record EventTotals(Map<EventType, Long> counts, double sampleInterval) {

    public static final EventTotals NONE = new EventTotals(Map.of(), 1);

    /** The events of one group of an answer. */
    public static EventTotals of(EventType type, long count, double groupSampleInterval) {
        return NONE.plus(type, count, groupSampleInterval);
    }

    public EventTotals {
        counts = Map.copyOf(counts);
    }

    public long count(EventType type) {
        return counts.getOrDefault(type, 0L);
    }

    public long issued() {
        return count(EventType.CHALLENGE_ISSUED);
    }

    public long solvedNonInteractive() {
        return count(EventType.NON_INTERACTIVE_SOLVED);
    }

    public long solvedInteractive() {
        return count(EventType.INTERACTIVE_SOLVED);
    }

    public long solved() {
        return solvedNonInteractive() + solvedInteractive();
    }

    /** Issued less solved: Cloudflare has no event for a challenge left unsolved. */
    public long unsolved() {
        return Math.max(0, issued() - solved());
    }

    /** Solved ÷ issued, 0 to 1; {@code null} with nothing issued. */
    public @Nullable Double solveRate() {
        return issued() == 0 ? null : Math.min(1.0, (double) solved() / issued());
    }

    /** Tokens siteverify accepted, of the three kinds (pre-clearance among them). */
    public long valid() {
        return count(EventType.NON_INTERACTIVE_SITEVERIFY_SOLVED) + count(EventType.INTERACTIVE_SITEVERIFY_SOLVED)
                + count(EventType.CLEARANCE_SITEVERIFY_SOLVED);
    }

    /** Tokens siteverify refused, for any of the three reasons. */
    public long invalid() {
        return invalidToken() + doubleRedemption() + otherFailure();
    }

    /** Tokens refused as invalid or expired. */
    public long invalidToken() {
        return count(EventType.SITEVERIFY_FAILED_INVALID_TOKEN);
    }

    /** Tokens refused as already used. */
    public long doubleRedemption() {
        return count(EventType.SITEVERIFY_FAILED_DOUBLE_REDEMPTION);
    }

    /** Tokens refused for another reason. */
    public long otherFailure() {
        return count(EventType.SITEVERIFY_FAILED_OTHER);
    }

    /** Invalid ÷ (valid + invalid), 0 to 1; {@code null} when no token was checked. */
    public @Nullable Double invalidShare() {
        long checked = valid() + invalid();
        return checked == 0 ? null : (double) invalid() / checked;
    }

    /**
     * Whether the figures are estimates from a sample rather than counts of every event.
     */
    public boolean sampled() {
        return sampleInterval > 1.0001;
    }

    /** All events, of every type. */
    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** These events and {@code other}'s together. */
    public EventTotals plus(EventTotals other) {
        Map<EventType, Long> sum = new EnumMap<>(EventType.class);
        sum.putAll(counts);
        other.counts.forEach((type, count) -> sum.merge(type, count, Long::sum));
        return new EventTotals(sum, Math.max(sampleInterval, other.sampleInterval));
    }

    /** These events and one more group. */
    public EventTotals plus(EventType type, long count, double groupSampleInterval) {
        Map<EventType, Long> sum = new EnumMap<>(EventType.class);
        sum.putAll(counts);
        sum.merge(type, count, Long::sum);
        return new EventTotals(sum, Math.max(sampleInterval, groupSampleInterval));
    }

}
