package com.turnstileadmin.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the events of a query's widgets, grouped by the dimensions it selects. Each
 * slot's counts are drawn once ({@link TrafficModel}), summed per time bucket and event
 * type, and only then split over the spread values by the widget's fixed shares: a month
 * of slots for a dozen widgets takes milliseconds, whichever dimensions are asked for.
 */
final class TrafficGroups {

    /**
     * One group.
     *
     * @param key the values of the selected dimensions, in their order
     * @param count the events, as an estimate (a share of a sampled widget's)
     * @param kept how many of them were kept in the sample: {@code count / kept} is the
     * average sample interval
     */
    record Group(List<Object> key, double count, double kept) {
    }

    /** A combination of spread values and the share of the widget's events it has. */
    private record Combo(Object[] values, double share) {
    }

    private final TrafficFilter filter;

    private final List<Dimension> selected;

    /** The spread dimensions that are selected or that the filter reads. */
    private final List<Dimension> spreads;

    /** The finest selected time bucket in seconds; 0 when no time is selected. */
    private final long bucket;

    private final long nowSlot;

    private final EventRow row = new EventRow();

    private final Map<List<Object>, double[]> groups = new HashMap<>();

    private TrafficGroups(TrafficFilter filter, List<Dimension> selected, long nowSlot) {
        this.filter = filter;
        this.selected = selected;
        this.spreads = Arrays.stream(Dimension.values())
            .filter(d -> d.source() == Dimension.Source.SPREAD
                    && (selected.contains(d) || filter.spreadFields().contains(d)))
            .toList();
        this.bucket = selected.stream()
            .filter(d -> d.source() == Dimension.Source.TIME)
            .mapToLong(Dimension::bucketSeconds)
            .min()
            .orElse(0);
        this.nowSlot = nowSlot;
    }

    /**
     * The groups of the widgets' events in [{@code start}, {@code end}) (epoch seconds)
     * that pass the filter, in no particular order.
     * @param selected the dimensions to group by, each once
     * @param nowSlot the start of the current slot, which has no events yet
     */
    static List<Group> count(List<TrafficProfile> profiles, TrafficFilter filter, List<Dimension> selected, long start,
            long end, long nowSlot) {
        TrafficGroups counting = new TrafficGroups(filter, selected, nowSlot);
        profiles.forEach(profile -> counting.add(profile, start, end));
        List<Group> result = new ArrayList<>(counting.groups.size());
        counting.groups.forEach((key, sums) -> result.add(new Group(key, sums[0], sums[1])));
        return result;
    }

    private void add(TrafficProfile profile, long start, long end) {
        row.siteKey = profile.sitekey();
        row.hostname = null;
        row.action = null;
        row.clientCountryName = null;
        if (!filter.test(TrafficFilter.Scope.WIDGET, row)) {
            return;
        }
        boolean[] kinds = new boolean[EventKind.COUNT];
        for (EventKind kind : EventKind.ALL) {
            row.eventType = kind.wireName();
            kinds[kind.ordinal()] = filter.test(TrafficFilter.Scope.EVENT, row);
        }
        long first = slotAtOrAfter(Math.max(start, profile.createdOn()));
        long last = Math.min(end, nowSlot);
        if (first >= last) {
            return;
        }
        List<Combo> combos = new ArrayList<>();
        for (Combo combo : combos(profile)) {
            setSpreads(combo);
            if (filter.test(TrafficFilter.Scope.SPREAD, row)) {
                combos.add(combo);
            }
        }
        if (!filter.hasMixedConditions()) {
            emit(profile, sum(profile, kinds, first, last, false), first, combos);
            return;
        }
        // An OR across scopes must see each combination's values with each slot.
        for (Combo combo : combos) {
            setSpreads(combo);
            emit(profile, sum(profile, kinds, first, last, true), first, List.of(combo));
        }
    }

    /** The events per bucket and kind in [first, last), slots aligned. */
    private long[][] sum(TrafficProfile profile, boolean[] kinds, long first, long last, boolean mixed) {
        long firstBucket = bucketOf(first);
        int buckets = bucket == 0 ? 1 : (int) ((last - 1 - firstBucket) / bucket + 1);
        long[][] totals = new long[buckets][EventKind.COUNT];
        long[] counts = new long[EventKind.COUNT];
        for (long slot = first; slot < last; slot += TrafficModel.SLOT_SECONDS) {
            row.slot = slot;
            if (!filter.test(TrafficFilter.Scope.SLOT, row)) {
                continue;
            }
            TrafficModel.fill(profile, slot, nowSlot, counts);
            long[] total = totals[bucket == 0 ? 0 : (int) ((slot - firstBucket) / bucket)];
            for (int kind = 0; kind < EventKind.COUNT; kind++) {
                if (kinds[kind] && counts[kind] > 0 && (!mixed || mixedHolds(kind))) {
                    total[kind] += counts[kind];
                }
            }
        }
        return totals;
    }

    private boolean mixedHolds(int kind) {
        row.eventType = EventKind.ALL.get(kind).wireName();
        return filter.testMixed(row);
    }

    private void emit(TrafficProfile profile, long[][] totals, long first, List<Combo> combos) {
        long firstBucket = bucketOf(first);
        for (int index = 0; index < totals.length; index++) {
            for (int kind = 0; kind < EventKind.COUNT; kind++) {
                long total = totals[index][kind];
                if (total == 0) {
                    continue;
                }
                for (Combo combo : combos) {
                    double count = total * combo.share();
                    List<Object> key = key(profile, EventKind.ALL.get(kind), firstBucket + index * bucket, combo);
                    double[] sums = groups.computeIfAbsent(key, k -> new double[2]);
                    sums[0] += count;
                    sums[1] += count / profile.sampleInterval();
                }
            }
        }
    }

    private List<Object> key(TrafficProfile profile, EventKind kind, long bucketStart, Combo combo) {
        Object[] values = new Object[selected.size()];
        for (int i = 0; i < values.length; i++) {
            Dimension dimension = selected.get(i);
            values[i] = switch (dimension.source()) {
                case WIDGET -> profile.sitekey();
                case EVENT -> kind.wireName();
                case SPREAD -> combo.values()[spreads.indexOf(dimension)];
                case TIME -> dimension == Dimension.DATE ? LocalDate.ofEpochDay(Math.floorDiv(bucketStart, 86_400))
                        : Instant.ofEpochSecond(
                                Math.floorDiv(bucketStart, dimension.bucketSeconds()) * dimension.bucketSeconds());
            };
        }
        return Arrays.asList(values);
    }

    /** Every combination of the spread dimensions' values, with its share. */
    private List<Combo> combos(TrafficProfile profile) {
        List<Combo> combos = List.of(new Combo(new Object[0], 1));
        for (Dimension dimension : spreads) {
            List<Combo> longer = new ArrayList<>();
            for (Combo combo : combos) {
                for (TrafficProfile.Share share : profile.spreads().get(dimension)) {
                    Object[] values = Arrays.copyOf(combo.values(), combo.values().length + 1);
                    values[values.length - 1] = share.value();
                    longer.add(new Combo(values, combo.share() * share.share()));
                }
            }
            combos = longer;
        }
        return combos;
    }

    private void setSpreads(Combo combo) {
        for (int i = 0; i < spreads.size(); i++) {
            row.set(spreads.get(i), combo.values()[i]);
        }
    }

    private long bucketOf(long slot) {
        return bucket == 0 ? slot : Math.floorDiv(slot, bucket) * bucket;
    }

    private static long slotAtOrAfter(long epochSecond) {
        long slot = TrafficModel.slotOf(epochSecond);
        return slot < epochSecond ? slot + TrafficModel.SLOT_SECONDS : slot;
    }

}
