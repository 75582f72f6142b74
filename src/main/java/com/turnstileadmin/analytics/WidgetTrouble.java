package com.turnstileadmin.analytics;

import com.turnstileadmin.widget.Widget;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One widget on the overview: its last 24 hours, the days before, and what is wrong.
 *
 * @param before the days before the last 24 hours that the account's history holds (up to
 * 6)
 * @param beforeDays how many days {@code before} spans, to compare per day
 */
public record WidgetTrouble(Widget widget, EventTotals lastDay, EventTotals before, double beforeDays,
        List<Trouble> troubles) {

    public WidgetTrouble {
        troubles = List.copyOf(troubles);
    }

    /** Judges the widget's last day against the days before (see {@link Trouble}). */
    public static WidgetTrouble judge(Widget widget, EventTotals lastDay, EventTotals before, double beforeDays) {
        List<Trouble> troubles = new ArrayList<>();
        Double rate = lastDay.solveRate();
        Double usual = before.solveRate();
        if (rate != null && usual != null && lastDay.issued() >= Trouble.MIN_ISSUED_FOR_RATE
                && before.issued() >= Trouble.MIN_ISSUED_FOR_RATE && usual - rate >= Trouble.RATE_DROP) {
            troubles.add(Trouble.SOLVE_RATE_DROP);
        }
        Double invalid = lastDay.invalidShare();
        if (invalid != null && lastDay.valid() + lastDay.invalid() >= Trouble.MIN_CHECKED_FOR_SHARE
                && invalid >= Trouble.INVALID_SHARE) {
            troubles.add(Trouble.INVALID_TOKENS);
        }
        if (lastDay.issued() == 0 && before.issued() >= Trouble.MIN_ISSUED_BEFORE_STOP) {
            troubles.add(Trouble.TRAFFIC_STOPPED);
        }
        return new WidgetTrouble(widget, lastDay, before, beforeDays, troubles);
    }

    /** The usual solve rate of the days before; {@code null} with nothing issued then. */
    public @Nullable Double usualSolveRate() {
        return before.solveRate();
    }

    /** Challenges issued per day before the last 24 hours, on average. */
    public long usualIssuedPerDay() {
        return beforeDays <= 0 ? 0 : Math.round(before.issued() / beforeDays);
    }

    /**
     * How much is wrong, to sort by: points of solve rate lost, points of tokens refused,
     * and a stopped widget as badly as a 50-point drop.
     */
    public double severity() {
        double severity = 0;
        if (troubles.contains(Trouble.SOLVE_RATE_DROP)) {
            severity += 100 * (usualSolveRate() - lastDay.solveRate());
        }
        if (troubles.contains(Trouble.INVALID_TOKENS)) {
            severity += 100 * lastDay.invalidShare();
        }
        if (troubles.contains(Trouble.TRAFFIC_STOPPED)) {
            severity += 50;
        }
        return severity;
    }

}
