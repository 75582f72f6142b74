package com.turnstileadmin.sandbox;

/**
 * What one account may ask of {@code turnstileAdaptiveGroups}, as its {@code settings}
 * node tells, in seconds where a duration: one query spans at most a week and an hour (as
 * measured at Cloudflare), and the history is 7 days on Free plans and 30 on Enterprise.
 */
record DatasetLimits(long maxDuration, long maxNumberOfFields, long maxPageSize, long notOlderThan) {

    private static final long DAY = 86_400;

    static DatasetLimits of(SandboxAccount account) {
        return new DatasetLimits(7 * DAY + 3_600, 30, 10_000, (account.enterprise() ? 30 : 7) * DAY);
    }

}
