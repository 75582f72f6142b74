package com.turnstileadmin.cloudflare;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.account.CloudflareAccount;
import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.analytics.AnalyticsSettings;
import com.turnstileadmin.analytics.Breakdown;
import com.turnstileadmin.analytics.TrafficQuery;
import com.turnstileadmin.analytics.TrafficReport;
import com.turnstileadmin.analytics.TrafficReport.BreakdownGroup;
import com.turnstileadmin.analytics.TurnstileAnalytics;
import com.turnstileadmin.widget.CloudflareUnavailableException;
import com.turnstileadmin.widget.CloudflareUnavailableException.Reason;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.GraphQlClient;
import org.springframework.graphql.client.GraphQlTransportException;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cloudflare's GraphQL Analytics API for Turnstile: the two documents in
 * {@code graphql-documents/}, sent by Spring's {@link GraphQlClient} over the adapter's
 * {@link CloudflareExchange} (see {@link CloudflareGraphQlTransport}), so that they are
 * retried, typed and recorded as widget calls are. Values go in as variables only.
 */
public final class CloudflareAnalyticsClient implements TurnstileAnalytics {

    private static final String ACCOUNT = "viewer.accounts[0]";

    private final CloudflareAccounts accounts;

    private final GraphQlClient graphQl;

    /** A client whose metrics go nowhere: for tests of the adapter alone. */
    public CloudflareAnalyticsClient(WebClient.Builder builder, CloudflareAccounts accounts,
            CloudflareClientProperties properties) {
        this(builder, accounts, properties, HttpClientSettings.defaults(), new SimpleMeterRegistry());
    }

    /**
     * @param baseSettings Boot's HTTP client settings; timeouts and redirects are the
     * adapter's own
     * @param registry where the calls are measured, beside the widget calls
     */
    public CloudflareAnalyticsClient(WebClient.Builder builder, CloudflareAccounts accounts,
            CloudflareClientProperties properties, HttpClientSettings baseSettings, MeterRegistry registry) {
        JsonMapper mapper = JsonMapper.builder().build();
        CloudflareExchange exchange = new CloudflareExchange(builder, accounts.apiBaseUrl(), properties, baseSettings,
                mapper, new CallMetrics(registry));
        this.accounts = accounts;
        this.graphQl = GraphQlClient
            .builder(new CloudflareGraphQlTransport(exchange, new GraphQlResponseReader(mapper)))
            .build();
    }

    @Override
    public AnalyticsSettings settings(AccountId account) {
        ClientGraphQlResponse response = execute(Operation.ANALYTICS_SETTINGS, account,
                graphQl.documentName("turnstileSettings").variable("accountTag", account.value()));
        return map(Operation.ANALYTICS_SETTINGS,
                () -> AnalyticsMapping.toSettings(response.field(ACCOUNT + ".settings.turnstileAdaptiveGroups")
                    .toEntity(AnalyticsPayloads.DatasetSettings.class)));
    }

    @Override
    public TrafficReport traffic(AccountId account, TrafficQuery query) {
        ClientGraphQlResponse response = execute(Operation.ANALYTICS_TRAFFIC, account,
                graphQl.documentName("turnstileTraffic")
                    .variables(AnalyticsMapping.trafficVariables(account.value(), query)));
        return map(Operation.ANALYTICS_TRAFFIC, () -> {
            var series = groups(response, "series").stream()
                .map(group -> AnalyticsMapping.toSeriesGroup(group, query.bucket()))
                .toList();
            Map<Breakdown, List<BreakdownGroup>> breakdowns = new EnumMap<>(Breakdown.class);
            for (Breakdown breakdown : query.breakdowns()) {
                breakdowns.put(breakdown,
                        groups(response, AnalyticsMapping.alias(breakdown)).stream()
                            .map(group -> AnalyticsMapping.toBreakdownGroup(group, breakdown))
                            .toList());
            }
            return new TrafficReport(series, breakdowns);
        });
    }

    private ClientGraphQlResponse execute(Operation operation, AccountId account, GraphQlClient.RequestSpec request) {
        CloudflareAccount configured = accounts.get(account);
        ClientGraphQlResponse response;
        try {
            response = CloudflareGraphQlTransport.attributes(request, configured, operation).execute().block();
        }
        catch (GraphQlTransportException wrapped) {
            // The client wraps what the transport threw; that is already typed.
            if (wrapped.getCause() instanceof RuntimeException typed) {
                throw typed;
            }
            throw wrapped;
        }
        if (response == null) {
            throw invalidResponse(operation, null);
        }
        return response;
    }

    private static List<AnalyticsPayloads.Group> groups(ClientGraphQlResponse response, String alias) {
        // An alias left out by its @include flag has no value, and so no groups.
        List<AnalyticsPayloads.Group> groups = response.field(ACCOUNT + "." + alias)
            .toEntityList(AnalyticsPayloads.Group.class);
        return groups == null ? List.of() : groups;
    }

    private static <T> T map(Operation operation, Supplier<T> mapping) {
        try {
            return mapping.get();
        }
        catch (RuntimeException e) {
            // Only decoding runs here, no call. A missing field (Spring's
            // FieldAccessException), a null or a value out of
            // shape: the answer is not the documented one.
            throw invalidResponse(operation, e);
        }
    }

    private static CloudflareUnavailableException invalidResponse(Operation operation, Throwable cause) {
        return new CloudflareUnavailableException(operation.description(), Reason.INVALID_RESPONSE, 200, null, cause);
    }

}
