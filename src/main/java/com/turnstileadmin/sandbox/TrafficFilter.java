package com.turnstileadmin.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A {@code turnstileAdaptiveGroups} filter, as graphql-java coerced it: fields with the
 * operators {@code _gt _geq _lt _leq _neq _in _like} and {@code AND}/{@code OR} lists.
 * Its conditions are split by what they read (the widget, the slot, the event type or the
 * spread values), so that the counting tests each once per widget, slot, type or value
 * rather than once per event; only an {@code OR} across those is tested per event. A
 * {@code null} field is no condition; an empty {@code _in} list or {@code OR} matches
 * nothing.
 */
final class TrafficFilter {

    /** What a condition reads. */
    enum Scope {

        WIDGET, SLOT, EVENT, SPREAD

    }

    private record Condition(Predicate<EventRow> test, Set<Scope> scopes) {
    }

    /** The time range of the top-level conditions, in epoch seconds, [lower, upper). */
    private static final class Bounds {

        long lower = Long.MIN_VALUE;

        long upper = Long.MAX_VALUE;

    }

    private final Map<Scope, Predicate<EventRow>> byScope;

    private final @Nullable Predicate<EventRow> mixed;

    private final Set<Dimension> spreadFields;

    private final Bounds bounds;

    private TrafficFilter(List<Condition> conditions, Set<Dimension> spreadFields, Bounds bounds) {
        Map<Scope, List<Condition>> single = new EnumMap<>(Scope.class);
        List<Condition> across = new ArrayList<>();
        for (Condition condition : conditions) {
            if (condition.scopes().size() > 1) {
                across.add(condition);
            }
            else {
                // An empty OR reads nothing and is false: testing it per widget suffices.
                Scope scope = condition.scopes().isEmpty() ? Scope.WIDGET : condition.scopes().iterator().next();
                single.computeIfAbsent(scope, s -> new ArrayList<>()).add(condition);
            }
        }
        this.byScope = new EnumMap<>(Scope.class);
        single.forEach((scope, list) -> byScope.put(scope, all(list)));
        this.mixed = across.isEmpty() ? null : all(across);
        this.spreadFields = Set.copyOf(spreadFields);
        this.bounds = bounds;
    }

    static TrafficFilter parse(@Nullable Map<String, Object> filter) {
        List<Condition> conditions = new ArrayList<>();
        Set<Dimension> spreadFields = EnumSet.noneOf(Dimension.class);
        Bounds bounds = new Bounds();
        if (filter != null) {
            conjunction(filter, conditions, spreadFields, bounds);
        }
        return new TrafficFilter(conditions, spreadFields, bounds);
    }

    /** Whether the conditions that read only the given scope's fields hold. */
    boolean test(Scope scope, EventRow row) {
        Predicate<EventRow> test = byScope.get(scope);
        return test == null || test.test(row);
    }

    /** Whether some condition reads fields of more than one scope. */
    boolean hasMixedConditions() {
        return mixed != null;
    }

    /**
     * Whether the conditions across scopes hold; the row must have all its fields set.
     */
    boolean testMixed(EventRow row) {
        return mixed == null || mixed.test(row);
    }

    /** The spread dimensions the filter reads. */
    Set<Dimension> spreadFields() {
        return spreadFields;
    }

    /** The earliest event time the top-level conditions allow, if they bound it. */
    OptionalLong start() {
        return bounds.lower == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(bounds.lower);
    }

    /** The end (exclusive) of the events' times, if the top-level conditions bound it. */
    OptionalLong end() {
        return bounds.upper == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(bounds.upper);
    }

    /**
     * Adds a filter object's conditions, which all must hold; {@code bounds} is null
     * inside an {@code OR}, whose time conditions bound nothing.
     */
    @SuppressWarnings("unchecked")
    private static void conjunction(Map<String, Object> filter, List<Condition> out, Set<Dimension> spreadFields,
            @Nullable Bounds bounds) {
        filter.forEach((key, value) -> {
            if (value == null) {
                return;
            }
            switch (key) {
                case "AND" ->
                    ((List<Map<String, Object>>) value).forEach(part -> conjunction(part, out, spreadFields, bounds));
                case "OR" -> {
                    List<Predicate<EventRow>> alternatives = new ArrayList<>();
                    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
                    for (Map<String, Object> part : (List<Map<String, Object>>) value) {
                        List<Condition> conditions = new ArrayList<>();
                        conjunction(part, conditions, spreadFields, null);
                        conditions.forEach(condition -> scopes.addAll(condition.scopes()));
                        alternatives.add(all(conditions));
                    }
                    out.add(new Condition(any(alternatives), scopes));
                }
                default -> out.add(leaf(key, value, spreadFields, bounds));
            }
        });
    }

    private static Condition leaf(String key, Object value, Set<Dimension> spreadFields, @Nullable Bounds bounds) {
        int cut = key.indexOf('_');
        String field = cut < 0 ? key : key.substring(0, cut);
        String operator = cut < 0 ? "eq" : key.substring(cut + 1);
        return switch (field) {
            case "datetime" -> time(row -> row.slot, ((Instant) value).getEpochSecond(), 1, operator, bounds);
            case "date" -> time(EventRow::day, ((LocalDate) value).toEpochDay(), 86_400, operator, bounds);
            case "siteKey" -> text(Scope.WIDGET, row -> row.siteKey, operator, value);
            case "eventType" -> text(Scope.EVENT, row -> row.eventType, operator, value);
            case "hostname", "action", "clientCountryName" -> {
                spreadFields.add(Dimension.named(field).orElseThrow());
                Function<EventRow, @Nullable String> get = switch (field) {
                    case "hostname" -> row -> row.hostname;
                    case "action" -> row -> row.action;
                    default -> row -> row.clientCountryName;
                };
                yield text(Scope.SPREAD, get, operator, value);
            }
            // The schema names every field the filter can have.
            default -> throw new IllegalStateException("No filter field " + key);
        };
    }

    /**
     * A condition on the events' time; {@code unit} is the value's length in seconds (1
     * for a {@code datetime}, a day for a {@code date}).
     */
    private static Condition time(ToLongFunction<EventRow> get, long value, long unit, String operator,
            @Nullable Bounds bounds) {
        Bounds range = bounds == null ? new Bounds() : bounds;
        LongPredicate test = switch (operator) {
            case "geq" -> {
                range.lower = Math.max(range.lower, value * unit);
                yield time -> time >= value;
            }
            case "gt" -> {
                range.lower = Math.max(range.lower, (value + 1) * unit);
                yield time -> time > value;
            }
            case "lt" -> {
                range.upper = Math.min(range.upper, value * unit);
                yield time -> time < value;
            }
            case "leq" -> {
                range.upper = Math.min(range.upper, (value + 1) * unit);
                yield time -> time <= value;
            }
            case "eq" -> {
                range.lower = Math.max(range.lower, value * unit);
                range.upper = Math.min(range.upper, (value + 1) * unit);
                yield time -> time == value;
            }
            default -> time -> time != value;
        };
        return new Condition(row -> test.test(get.applyAsLong(row)), EnumSet.of(Scope.SLOT));
    }

    @SuppressWarnings("unchecked")
    private static Condition text(Scope scope, Function<EventRow, @Nullable String> get, String operator,
            Object value) {
        Predicate<@Nullable String> test = switch (operator) {
            case "in" -> {
                Set<String> values = Set.copyOf((List<String>) value);
                yield text -> text != null && values.contains(text);
            }
            case "neq" -> text -> !value.equals(text);
            case "like" -> {
                Pattern pattern = like((String) value);
                yield text -> text != null && pattern.matcher(text).matches();
            }
            default -> value::equals;
        };
        return new Condition(row -> test.test(get.apply(row)), EnumSet.of(scope));
    }

    /** SQL's LIKE: {@code %} is any run of characters, {@code _} any one. */
    private static Pattern like(String pattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '%' || c == '_') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '%' ? ".*" : ".");
            }
            else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static Predicate<EventRow> all(List<Condition> conditions) {
        @SuppressWarnings("unchecked")
        Predicate<EventRow>[] tests = conditions.stream().map(Condition::test).toArray(Predicate[]::new);
        return row -> {
            for (Predicate<EventRow> test : tests) {
                if (!test.test(row)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static Predicate<EventRow> any(List<Predicate<EventRow>> alternatives) {
        @SuppressWarnings("unchecked")
        Predicate<EventRow>[] tests = alternatives.toArray(Predicate[]::new);
        return row -> {
            for (Predicate<EventRow> test : tests) {
                if (test.test(row)) {
                    return true;
                }
            }
            return false;
        };
    }

}
