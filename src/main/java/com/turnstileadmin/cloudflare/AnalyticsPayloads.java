package com.turnstileadmin.cloudflare;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The shapes of the GraphQL Analytics answers, as the two documents in
 * {@code graphql-documents/} select them; every field may be missing from an answer, so
 * every field is nullable and {@link AnalyticsMapping} checks what it needs.
 */
final class AnalyticsPayloads {

    private AnalyticsPayloads() {
    }

    /** {@code settings.turnstileAdaptiveGroups}: what the account may query. */
    record DatasetSettings(@Nullable Boolean enabled, @Nullable List<String> availableFields,
            @Nullable Long maxDuration, @Nullable Long maxNumberOfFields, @Nullable Long maxPageSize,
            @Nullable Long notOlderThan) {
    }

    /** One group of {@code turnstileAdaptiveGroups}: the events of one combination. */
    record Group(@Nullable Long count, @Nullable Average avg, @Nullable Dimensions dimensions) {
    }

    record Average(@Nullable Double sampleInterval) {
    }

    /** The group's dimensions; only those the query selected are present. */
    record Dimensions(@Nullable String siteKey, @Nullable String eventType, @Nullable String datetimeFifteenMinutes,
            @Nullable String datetimeHour, @Nullable String date, @Nullable String hostname, @Nullable String action,
            @Nullable String clientCountryName, @Nullable String browserName, @Nullable Long asn) {
    }

}
