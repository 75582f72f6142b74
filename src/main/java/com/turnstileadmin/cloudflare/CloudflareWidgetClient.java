package com.turnstileadmin.cloudflare;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.widget.CloudflareUnavailableException;
import com.turnstileadmin.widget.CloudflareUnavailableException.Reason;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.TurnstileWidgets;
import com.turnstileadmin.widget.Widget;
import com.turnstileadmin.widget.WidgetPage;
import com.turnstileadmin.widget.WidgetQuery;
import com.turnstileadmin.widget.WidgetSettings;
import com.turnstileadmin.widget.WidgetWithSecret;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.TypeFactory;

/**
 * The Cloudflare Turnstile widget API over HTTP: the only code that knows its paths, its
 * snake_case JSON and its envelope. Each operation is one call (see
 * {@link CloudflareExchange} for how a call is made, retried and typed when it fails).
 */
public final class CloudflareWidgetClient implements TurnstileWidgets {

    private static final String WIDGETS = "/accounts/{account_id}/challenges/widgets";

    private static final String WIDGET = WIDGETS + "/{sitekey}";

    private static final String ROTATE_SECRET = WIDGET + "/rotate_secret";

    private final CloudflareAccounts accounts;

    private final CloudflareExchange exchange;

    private final CallMetrics metrics;

    private final JavaType widgetEnvelope;

    private final JavaType listEnvelope;

    /** A client whose metrics go nowhere: for tests of the adapter alone. */
    public CloudflareWidgetClient(WebClient.Builder builder, CloudflareAccounts accounts,
            CloudflareClientProperties properties) {
        this(builder, accounts, properties, HttpClientSettings.defaults(), new SimpleMeterRegistry());
    }

    /**
     * @param baseSettings Boot's HTTP client settings; timeouts and redirects are the
     * adapter's own
     * @param registry where the calls and each account's widget count are measured
     */
    public CloudflareWidgetClient(WebClient.Builder builder, CloudflareAccounts accounts,
            CloudflareClientProperties properties, HttpClientSettings baseSettings, MeterRegistry registry) {
        JsonMapper mapper = WirePayloads.mapper();
        this.accounts = accounts;
        this.metrics = new CallMetrics(registry);
        this.exchange = new CloudflareExchange(builder, accounts.apiBaseUrl(), properties, baseSettings, mapper,
                metrics);
        TypeFactory types = mapper.getTypeFactory();
        this.widgetEnvelope = types.constructParametricType(WirePayloads.Envelope.class, WirePayloads.Widget.class);
        this.listEnvelope = types.constructParametricType(WirePayloads.Envelope.class,
                types.constructCollectionType(List.class, WirePayloads.Widget.class));
    }

    @Override
    public WidgetPage list(AccountId account, WidgetQuery query) {
        return list(account, query, false);
    }

    /**
     * One widget, with one request that is never retried (see
     * {@link TurnstileWidgets#probe}).
     */
    @Override
    public WidgetPage probe(AccountId account) {
        return list(account, WidgetQuery.smallestPage(), true);
    }

    private WidgetPage list(AccountId account, WidgetQuery query, boolean once) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("account_id", account.value());
        variables.put("page", query.page());
        variables.put("per_page", query.perPage());
        Function<UriBuilder, URI> uri = b -> {
            // Values go in as variables so that they are encoded strictly: a filter may
            // hold '&' or '+'.
            b.path(WIDGETS).queryParam("page", "{page}").queryParam("per_page", "{per_page}");
            if (query.sort() != null) {
                variables.put("order", WireMapping.orderParameter(query.sort().field()));
                variables.put("direction", WireMapping.directionParameter(query.sort().direction()));
                b.queryParam("order", "{order}").queryParam("direction", "{direction}");
            }
            if (query.filter() != null) {
                variables.put("filter", WireMapping.filterParameter(query.filter()));
                b.queryParam("filter", "{filter}");
            }
            return b.build(variables);
        };
        CloudflareExchange.Call call = request(Operation.LIST, account, null, HttpMethod.GET, uri, null);
        WirePayloads.Envelope<List<WirePayloads.Widget>> envelope = once ? exchange.callOnce(call, listEnvelope)
                : exchange.call(call, listEnvelope);
        WirePayloads.ResultInfo info = envelope.resultInfo();
        if (info == null || info.page() == null || info.perPage() == null || info.totalCount() == null) {
            throw invalidResponse(Operation.LIST, null);
        }
        if (query.filter() == null) {
            metrics.recordWidgetCount(account, info.totalCount());
        }
        return new WidgetPage(map(Operation.LIST, () -> envelope.result().stream().map(WireMapping::toWidget).toList()),
                info.page(), info.perPage(), info.totalCount());
    }

    @Override
    public WidgetWithSecret get(AccountId account, Sitekey sitekey) {
        return widgetWithSecret(Operation.GET, call(Operation.GET, account, sitekey, HttpMethod.GET,
                widgetUri(WIDGET, account, sitekey), null, widgetEnvelope));
    }

    @Override
    public WidgetWithSecret create(AccountId account, WidgetSettings settings) {
        return widgetWithSecret(Operation.CREATE, call(Operation.CREATE, account, null, HttpMethod.POST,
                b -> b.path(WIDGETS).build(account.value()), WireMapping.toBody(settings), widgetEnvelope));
    }

    @Override
    public WidgetWithSecret update(AccountId account, Sitekey sitekey, WidgetSettings settings) {
        return widgetWithSecret(Operation.UPDATE, call(Operation.UPDATE, account, sitekey, HttpMethod.PUT,
                widgetUri(WIDGET, account, sitekey), WireMapping.toBody(settings), widgetEnvelope));
    }

    @Override
    public Widget delete(AccountId account, Sitekey sitekey) {
        WirePayloads.Envelope<WirePayloads.Widget> envelope = call(Operation.DELETE, account, sitekey,
                HttpMethod.DELETE, widgetUri(WIDGET, account, sitekey), null, widgetEnvelope);
        return map(Operation.DELETE, () -> WireMapping.toWidget(envelope.result()));
    }

    @Override
    public WidgetWithSecret rotateSecret(AccountId account, Sitekey sitekey, boolean invalidateImmediately) {
        return widgetWithSecret(Operation.ROTATE_SECRET,
                call(Operation.ROTATE_SECRET, account, sitekey, HttpMethod.POST,
                        widgetUri(ROTATE_SECRET, account, sitekey),
                        new WirePayloads.RotateSecretBody(invalidateImmediately), widgetEnvelope));
    }

    private <T> WirePayloads.Envelope<T> call(Operation operation, AccountId account, @Nullable Sitekey sitekey,
            HttpMethod method, Function<UriBuilder, URI> uri, @Nullable Object body, JavaType envelopeType) {
        return exchange.call(request(operation, account, sitekey, method, uri, body), envelopeType);
    }

    private CloudflareExchange.Call request(Operation operation, AccountId account, @Nullable Sitekey sitekey,
            HttpMethod method, Function<UriBuilder, URI> uri, @Nullable Object body) {
        return new CloudflareExchange.Call(operation, accounts.get(account), sitekey, method, uri, body);
    }

    private static Function<UriBuilder, URI> widgetUri(String path, AccountId account, Sitekey sitekey) {
        return b -> b.path(path).build(account.value(), sitekey.value());
    }

    private static WidgetWithSecret widgetWithSecret(Operation operation,
            WirePayloads.Envelope<WirePayloads.Widget> envelope) {
        return map(operation, () -> WireMapping.toWidgetWithSecret(envelope.result()));
    }

    private static <T> T map(Operation operation, Supplier<T> mapping) {
        try {
            return mapping.get();
        }
        catch (WireMapping.InvalidPayloadException | IllegalArgumentException | NullPointerException e) {
            throw invalidResponse(operation, e);
        }
    }

    private static CloudflareUnavailableException invalidResponse(Operation operation, @Nullable Throwable cause) {
        return new CloudflareUnavailableException(operation.description(), Reason.INVALID_RESPONSE, 200, null, cause);
    }

}
