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
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.TypeFactory;

/**
 * The Cloudflare Turnstile widget API over HTTP: the only code that knows its paths, its
 * snake_case JSON and its envelope. Each operation is one call (see {@link CloudflareExchange} for
 * how a call is made, retried and typed when it fails).
 */
public final class CloudflareWidgetClient implements TurnstileWidgets {

    private static final String WIDGETS = "/accounts/{account_id}/challenges/widgets";
    private static final String WIDGET = WIDGETS + "/{sitekey}";
    private static final String ROTATE_SECRET = WIDGET + "/rotate_secret";

    private final CloudflareAccounts accounts;
    private final CloudflareExchange exchange;
    private final JavaType widgetEnvelope;
    private final JavaType listEnvelope;

    public CloudflareWidgetClient(WebClient.Builder builder, CloudflareAccounts accounts,
            CloudflareClientProperties properties) {
        this(builder, accounts, properties, HttpClientSettings.defaults());
    }

    /** @param baseSettings Boot's HTTP client settings; timeouts and redirects are the adapter's own */
    public CloudflareWidgetClient(WebClient.Builder builder, CloudflareAccounts accounts,
            CloudflareClientProperties properties, HttpClientSettings baseSettings) {
        JsonMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        this.accounts = accounts;
        this.exchange = new CloudflareExchange(builder, accounts.apiBaseUrl(), properties, baseSettings, mapper);
        TypeFactory types = mapper.getTypeFactory();
        this.widgetEnvelope = types.constructParametricType(WirePayloads.Envelope.class, WirePayloads.Widget.class);
        this.listEnvelope = types.constructParametricType(WirePayloads.Envelope.class,
                types.constructCollectionType(List.class, WirePayloads.Widget.class));
    }

    @Override
    public WidgetPage list(AccountId account, WidgetQuery query) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("account_id", account.value());
        variables.put("page", query.page());
        variables.put("per_page", query.perPage());
        Function<UriBuilder, URI> uri = b -> {
            // Values go in as variables so that they are encoded strictly: a filter may hold '&' or '+'.
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
        WirePayloads.Envelope<List<WirePayloads.Widget>> envelope =
                call("list widgets", account, HttpMethod.GET, uri, null, listEnvelope);
        WirePayloads.ResultInfo info = envelope.resultInfo();
        if (info == null || info.page() == null || info.perPage() == null || info.totalCount() == null) {
            throw invalidResponse("list widgets", null);
        }
        return new WidgetPage(map("list widgets", () -> envelope.result().stream().map(WireMapping::toWidget).toList()),
                info.page(), info.perPage(), info.totalCount());
    }

    @Override
    public WidgetWithSecret get(AccountId account, Sitekey sitekey) {
        return widgetWithSecret("get widget", call("get widget", account, HttpMethod.GET,
                widgetUri(WIDGET, account, sitekey), null, widgetEnvelope));
    }

    @Override
    public WidgetWithSecret create(AccountId account, WidgetSettings settings) {
        return widgetWithSecret("create widget", call("create widget", account, HttpMethod.POST,
                b -> b.path(WIDGETS).build(account.value()), WireMapping.toBody(settings), widgetEnvelope));
    }

    @Override
    public WidgetWithSecret update(AccountId account, Sitekey sitekey, WidgetSettings settings) {
        return widgetWithSecret("update widget", call("update widget", account, HttpMethod.PUT,
                widgetUri(WIDGET, account, sitekey), WireMapping.toBody(settings), widgetEnvelope));
    }

    @Override
    public Widget delete(AccountId account, Sitekey sitekey) {
        WirePayloads.Envelope<WirePayloads.Widget> envelope = call("delete widget", account, HttpMethod.DELETE,
                widgetUri(WIDGET, account, sitekey), null, widgetEnvelope);
        return map("delete widget", () -> WireMapping.toWidget(envelope.result()));
    }

    @Override
    public WidgetWithSecret rotateSecret(AccountId account, Sitekey sitekey, boolean invalidateImmediately) {
        return widgetWithSecret("rotate widget secret", call("rotate widget secret", account, HttpMethod.POST,
                widgetUri(ROTATE_SECRET, account, sitekey), new WirePayloads.RotateSecretBody(invalidateImmediately),
                widgetEnvelope));
    }

    private <T> WirePayloads.Envelope<T> call(String operation, AccountId account, HttpMethod method,
            Function<UriBuilder, URI> uri, @Nullable Object body, JavaType envelopeType) {
        return exchange.call(new CloudflareExchange.Call(operation, accounts.get(account), method, uri, body),
                envelopeType);
    }

    private static Function<UriBuilder, URI> widgetUri(String path, AccountId account, Sitekey sitekey) {
        return b -> b.path(path).build(account.value(), sitekey.value());
    }

    private static WidgetWithSecret widgetWithSecret(String operation,
            WirePayloads.Envelope<WirePayloads.Widget> envelope) {
        return map(operation, () -> WireMapping.toWidgetWithSecret(envelope.result()));
    }

    private static <T> T map(String operation, Supplier<T> mapping) {
        try {
            return mapping.get();
        } catch (WireMapping.InvalidPayloadException | IllegalArgumentException | NullPointerException e) {
            throw invalidResponse(operation, e);
        }
    }

    private static CloudflareUnavailableException invalidResponse(String operation, @Nullable Throwable cause) {
        return new CloudflareUnavailableException(operation, Reason.INVALID_RESPONSE, 200, null, cause);
    }
}
