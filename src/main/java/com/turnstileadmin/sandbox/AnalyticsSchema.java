package com.turnstileadmin.sandbox;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analytics schema the sandbox serves, exactly {@value #RESOURCE}, wired to its data
 * fetchers. Built once, on the first analytics request: it holds no state, each request
 * brings its {@link AnalyticsRequest}.
 */
final class AnalyticsSchema {

    static final String RESOURCE = "/sandbox/turnstile-analytics.graphqls";

    private static final Logger log = LoggerFactory.getLogger(AnalyticsSchema.class);

    private AnalyticsSchema() {
    }

    /** Holds the schema, so that it is built when first asked for, not at class load. */
    private static final class Built {

        static final GraphQL GRAPHQL = build();

    }

    static ExecutionResult execute(String query, Map<String, Object> variables, @Nullable String operationName,
            AnalyticsRequest request) {
        return Built.GRAPHQL.execute(ExecutionInput.newExecutionInput()
            .query(query)
            .variables(variables)
            .operationName(operationName)
            .graphQLContext(Map.of(AnalyticsRequest.class, request))
            .build());
    }

    private static GraphQL build() {
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
        AnalyticsScalars.ALL.forEach(wiring::scalar);
        wiring.type("Query", type -> type.dataFetcher("viewer", environment -> Map.of()))
            .type("Viewer", type -> type.dataFetcher("accounts", AnalyticsFetchers::accounts))
            .type("account", type -> type.dataFetcher("settings", AnalyticsFetchers::settings)
                .dataFetcher("turnstileAdaptiveGroups", new AdaptiveGroupsFetcher()));
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(read()),
                wiring.build());
        checkDimensions(schema);
        return GraphQL.newGraphQL(schema).defaultDataFetcherExceptionHandler(AnalyticsSchema::refusal).build();
    }

    /**
     * The sandbox can count by exactly the dimensions the schema has, no more, no fewer.
     */
    private static void checkDimensions(GraphQLSchema schema) {
        List<String> inSchema = schema.getObjectType("AccountTurnstileAdaptiveGroupsDimensions")
            .getFieldDefinitions()
            .stream()
            .map(GraphQLFieldDefinition::getName)
            .toList();
        List<String> counted = Dimension.ALL.stream().map(Dimension::fieldName).toList();
        if (!inSchema.equals(counted)) {
            throw new IllegalStateException(
                    "The schema's dimensions " + inSchema + " are not the sandbox's " + counted);
        }
    }

    private static CompletableFuture<DataFetcherExceptionHandlerResult> refusal(
            DataFetcherExceptionHandlerParameters parameters) {
        Throwable exception = parameters.getException();
        if (exception instanceof CompletionException && exception.getCause() != null) {
            exception = exception.getCause();
        }
        GraphQLError error;
        if (exception instanceof AnalyticsRefusal refusal) {
            error = GraphqlErrorBuilder.newError()
                .message(refusal.getMessage())
                .path(refusal.path() != null ? refusal.path() : parameters.getPath().toList())
                .extensions(Map.of("code", refusal.code()))
                .build();
        }
        else {
            log.warn("The sandbox failed to answer an analytics query at {}", parameters.getPath(), exception);
            error = GraphqlErrorBuilder.newError()
                .message("internal error in the sandbox")
                .path(parameters.getPath())
                .extensions(Map.of("code", "INTERNAL_SERVER_ERROR"))
                .build();
        }
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(error).build());
    }

    private static String read() {
        try (InputStream in = AnalyticsSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("No " + RESOURCE + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
