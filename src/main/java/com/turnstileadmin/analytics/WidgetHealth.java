package com.turnstileadmin.analytics;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a widget did in a window: its totals, its chart's buckets, and the top values of
 * each breakdown the account offers.
 *
 * @param start the first instant counted (the window may start later than its length says
 * when the account's history is shorter)
 * @param end the end of the window, exclusive: now, to the minute
 * @param top each offered breakdown's top values, largest first
 * @param notOffered the breakdowns the account's analytics do not offer
 * @param calls how many GraphQL calls this answer cost when it was made (a window longer
 * than one query may span is asked in parts)
 */
public record WidgetHealth(AnalyticsWindow window, Instant start, Instant end, EventTotals totals,
        List<HealthPoint> points, Map<Breakdown, List<TopValue>> top, Set<Breakdown> notOffered, int calls) {

    public WidgetHealth {
        points = List.copyOf(points);
        top = Map.copyOf(top);
        notOffered = Set.copyOf(notOffered);
    }

    public List<TopValue> top(Breakdown breakdown) {
        return top.getOrDefault(breakdown, List.of());
    }

    /** The hostnames seen that the widget's domains do not cover. */
    public List<TopValue> unexpectedHostnames() {
        return top(Breakdown.HOSTNAME).stream().filter(TopValue::unexpected).toList();
    }

}
