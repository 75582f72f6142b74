package com.turnstileadmin.analytics;

import com.turnstileadmin.widget.Sitekey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One traffic query: the events in [{@code start}, {@code end}) of the given widgets.
 *
 * @param sitekeys the widgets; empty: all of the account's
 * @param eventTypes the event types counted; empty: all
 * @param bucket the time bucket to count per; {@code null}: totals over the whole range
 * @param breakdowns the dimensions whose top values come too
 * @param limit the most groups of counts over time
 * @param topLimit the most groups of each breakdown (a value and an event type each)
 */
public record TrafficQuery(Instant start, Instant end, List<Sitekey> sitekeys, Set<EventType> eventTypes,
        @Nullable TimeBucket bucket, Set<Breakdown> breakdowns, int limit, int topLimit) {

    public TrafficQuery {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("A query's start must be before its end");
        }
        sitekeys = List.copyOf(sitekeys);
        eventTypes = Set.copyOf(eventTypes);
        if (eventTypes.contains(EventType.OTHER)) {
            throw new IllegalArgumentException("OTHER has no name to filter by");
        }
        breakdowns = Set.copyOf(breakdowns);
        if (limit < 1 || topLimit < 1) {
            throw new IllegalArgumentException("limit and topLimit must be 1 or more");
        }
    }

}
