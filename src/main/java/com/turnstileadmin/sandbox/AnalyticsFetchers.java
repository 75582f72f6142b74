package com.turnstileadmin.sandbox;

import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analytics schema's fields above the dataset: {@code viewer.accounts(filter)}, which
 * refuses an account the token may not read, and the account's {@code settings}.
 */
final class AnalyticsFetchers {

    private AnalyticsFetchers() {
    }

    /**
     * The one account the filter names. An unknown account and a token without "Account
     * Analytics Read" get the same error, at the account's place in the list, as at
     * Cloudflare.
     */
    static List<SandboxAccount> accounts(DataFetchingEnvironment environment) {
        AnalyticsRequest request = AnalyticsRequest.of(environment);
        Map<String, Object> filter = environment.getArgument("filter");
        Object accountTag = filter.get("accountTag");
        List<Object> path = new ArrayList<>(environment.getExecutionStepInfo().getPath().toList());
        path.add(0);
        if (!request.access().permitted()) {
            throw AnalyticsRefusal.notAuthorized(path);
        }
        SandboxAccount account = request.accounts()
            .stream()
            .filter(candidate -> candidate.id().value().equals(accountTag))
            .findFirst()
            .orElseThrow(() -> AnalyticsRefusal.notAuthorized(path));
        return List.of(account);
    }

    static Map<String, Object> settings(DataFetchingEnvironment environment) {
        SandboxAccount account = environment.getSource();
        DatasetLimits limits = DatasetLimits.of(account);
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("enabled", true);
        dataset.put("availableFields", AnalyticsRequest.of(environment).access().availableFields());
        dataset.put("maxDuration", limits.maxDuration());
        dataset.put("maxNumberOfFields", limits.maxNumberOfFields());
        dataset.put("maxPageSize", limits.maxPageSize());
        dataset.put("notOlderThan", limits.notOlderThan());
        return Map.of("turnstileAdaptiveGroups", dataset);
    }

}
