package com.turnstileadmin.sandbox;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers {@code turnstileAdaptiveGroups(limit, filter, orderBy)}: refuses what the
 * account's limits refuse, then counts the account's traffic grouped by exactly the
 * dimensions the query selects, orders the groups and keeps the first {@code limit}.
 */
final class AdaptiveGroupsFetcher implements DataFetcher<List<Map<String, Object>>> {

    /**
     * A start up to an hour before the history's edge is still answered: clients round "7
     * days ago" down to an hour, and by the time the query arrives now has moved on. How
     * much Cloudflare tolerates is not documented.
     */
    private static final long HISTORY_SLACK = 3_600;

    @Override
    public List<Map<String, Object>> get(DataFetchingEnvironment environment) {
        AnalyticsRequest request = AnalyticsRequest.of(environment);
        SandboxAccount account = environment.getSource();
        DatasetLimits limits = DatasetLimits.of(account);
        List<Dimension> selected = selected(environment, request.access());
        long limit = environment.<Long>getArgument("limit");
        if (limit > limits.maxPageSize()) {
            throw AnalyticsRefusal.badRequest("limit must be at most " + limits.maxPageSize());
        }
        TrafficFilter filter = TrafficFilter.parse(environment.getArgument("filter"));
        long now = request.now().getEpochSecond();
        long oldest = now - limits.notOlderThan();
        long start = filter.start().orElse(oldest);
        long end = filter.end().orElse(now);
        if (end - start > limits.maxDuration()) {
            throw AnalyticsRefusal
                .badRequest("the query time range is too large (at most " + limits.maxDuration() + "s)");
        }
        if (start < oldest - HISTORY_SLACK) {
            throw AnalyticsRefusal.badRequest("cannot request data older than " + limits.notOlderThan() + "s");
        }
        // Groups are counted in memory, in the app's JVM: a query grouping by many
        // dimensions at once would hold hundreds of millions. The app asks for at most
        // four (sitekey, event type and a time bucket, or one breakdown and the type).
        if (selected.size() > MAX_DIMENSIONS) {
            throw AnalyticsRefusal
                .badRequest("the sandbox groups by at most " + MAX_DIMENSIONS + " dimensions at once");
        }
        Comparator<TrafficGroups.Group> order = GroupOrder.of(environment.getArgument("orderBy"), selected);
        List<TrafficProfile> profiles = account.store()
            .all()
            .stream()
            .map(widget -> TrafficProfile.of(widget, account.problemOf(widget.sitekey())))
            .toList();
        return TrafficGroups.count(profiles, filter, selected, start, end, TrafficModel.slotOf(now))
            .stream()
            .filter(group -> Math.round(group.count()) > 0)
            .sorted(order)
            .limit(limit)
            .map(group -> json(group, selected))
            .toList();
    }

    /**
     * The dimensions under {@code dimensions { }}, as graphql-java resolved the selection
     * ({@code @include} and {@code @skip} applied), in the schema's order.
     * @throws AnalyticsRefusal for one the account does not offer
     */
    static final int MAX_DIMENSIONS = 4;

    private static List<Dimension> selected(DataFetchingEnvironment environment, AnalyticsAccess access) {
        List<String> names = environment.getSelectionSet()
            .getFields("dimensions/*")
            .stream()
            .map(SelectedField::getName)
            .filter(name -> !name.startsWith("__"))
            .toList();
        for (String name : names) {
            Dimension.named(name)
                .filter(access::offers)
                .orElseThrow(() -> AnalyticsRefusal
                    .badRequest("unknown field dimensions." + name + ": the account's analytics do not offer it"));
        }
        return Dimension.ALL.stream().filter(dimension -> names.contains(dimension.fieldName())).toList();
    }

    private static Map<String, Object> json(TrafficGroups.Group group, List<Dimension> selected) {
        Map<String, Object> dimensions = new LinkedHashMap<>();
        for (int i = 0; i < selected.size(); i++) {
            dimensions.put(selected.get(i).fieldName(), group.key().get(i));
        }
        // Four decimals are plenty for an average of 1s and 10s.
        double sampleInterval = Math.round(group.count() / group.kept() * 10_000) / 10_000.0;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("count", Math.round(group.count()));
        json.put("avg", Map.of("sampleInterval", sampleInterval));
        json.put("dimensions", dimensions);
        return json;
    }

}
