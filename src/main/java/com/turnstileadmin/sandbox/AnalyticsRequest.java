package com.turnstileadmin.sandbox;

import graphql.schema.DataFetchingEnvironment;
import java.time.Instant;
import java.util.List;

/**
 * What one GraphQL request is answered from, handed to the data fetchers through
 * graphql-java's context: the sandbox's accounts, what the token may read, and one now
 * for all of the request's fields, so that they count the same slots.
 */
record AnalyticsRequest(List<SandboxAccount> accounts, AnalyticsAccess access, Instant now) {

    static AnalyticsRequest of(DataFetchingEnvironment environment) {
        return environment.getGraphQlContext().get(AnalyticsRequest.class);
    }

}
