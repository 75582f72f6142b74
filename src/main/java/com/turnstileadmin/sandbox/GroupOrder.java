package com.turnstileadmin.sandbox;

import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The order of a query's groups: its {@code orderBy} terms ({@code count_DESC},
 * {@code datetimeHour_ASC}...), each a tie-break for the one before, then the dimension
 * values themselves, so that the same query always answers in the same order.
 */
final class GroupOrder {

    private GroupOrder() {
    }

    /**
     * @throws AnalyticsRefusal when a term orders by a dimension the query does not
     * select
     */
    static Comparator<TrafficGroups.Group> of(@Nullable List<String> orderBy, List<Dimension> selected) {
        Comparator<TrafficGroups.Group> order = GroupOrder::byValues;
        if (orderBy == null) {
            return order;
        }
        Comparator<TrafficGroups.Group> terms = null;
        for (String term : orderBy) {
            Comparator<TrafficGroups.Group> next = term(term, selected);
            terms = terms == null ? next : terms.thenComparing(next);
        }
        return terms == null ? order : terms.thenComparing(order);
    }

    private static Comparator<TrafficGroups.Group> term(String term, List<Dimension> selected) {
        int cut = term.lastIndexOf('_');
        String field = term.substring(0, cut);
        Comparator<TrafficGroups.Group> ascending;
        if (field.equals("count")) {
            ascending = Comparator.comparingLong(group -> Math.round(group.count()));
        }
        else {
            int index = Dimension.named(field).map(selected::indexOf).orElse(-1);
            if (index < 0) {
                throw AnalyticsRefusal
                    .badRequest("cannot order by " + field + ": the query does not select dimensions." + field);
            }
            ascending = (a, b) -> compare(a.key().get(index), b.key().get(index));
        }
        return term.endsWith("_DESC") ? ascending.reversed() : ascending;
    }

    private static int byValues(TrafficGroups.Group a, TrafficGroups.Group b) {
        for (int i = 0; i < a.key().size(); i++) {
            int order = compare(a.key().get(i), b.key().get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    /** Values of one dimension, all of one type: strings, numbers, times or dates. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static int compare(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }

}
