package com.turnstileadmin.cloudflare;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.account.CloudflareAccount;
import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.account.Credentials;
import com.turnstileadmin.widget.CloudflareException;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.TypeFactory;

/**
 * The Cloudflare Turnstile widget API over HTTP: the only code that knows its paths, its
 * snake_case JSON and its envelope. Each operation is one request, made reactively and blocked on
 * once, here at the edge; reads are retried (see {@link ReadRetry}), writes never are.
 */
public final class CloudflareWidgetClient implements TurnstileWidgets {

    private static final Logger log = LoggerFactory.getLogger(CloudflareWidgetClient.class);

    private static final String WIDGETS = "/accounts/{account_id}/challenges/widgets";
    private static final String WIDGET = WIDGETS + "/{sitekey}";
    private static final String ROTATE_SECRET = WIDGET + "/rotate_secret";

    /** A page of 1000 widgets is about half a megabyte; Spring's default limit is 256 KB. */
    private static final int MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

    private final WebClient webClient;
    private final CloudflareAccounts accounts;
    private final Retry readRetry;
    private final Duration overallTimeout;
    private final JsonMapper mapper;
    private final ResponseReader reader;
    private final JavaType widgetEnvelope;
    private final JavaType listEnvelope;

    public CloudflareWidgetClient(WebClient.Builder builder, CloudflareAccounts accounts,
            CloudflareClientProperties properties) {
        this.accounts = accounts;
        this.webClient = builder.clone()
                .baseUrl(accounts.apiBaseUrl().toString())
                .clientConnector(ClientHttpConnectorBuilder.reactor().build(HttpClientSettings.defaults()
                        .withTimeouts(properties.connectTimeout(), properties.responseTimeout())))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_RESPONSE_BYTES))
                .build();
        this.readRetry = ReadRetry.of(properties.retry());
        // A safety net over the connector's own timeouts, which do not cover every stage of a call.
        this.overallTimeout = properties.connectTimeout().plus(properties.responseTimeout()).plusSeconds(1);
        this.mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        this.reader = new ResponseReader(mapper);
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
        return widgetWithSecret(call("get widget", account, HttpMethod.GET, widgetUri(WIDGET, account, sitekey), null,
                widgetEnvelope), "get widget");
    }

    @Override
    public WidgetWithSecret create(AccountId account, WidgetSettings settings) {
        return widgetWithSecret(call("create widget", account, HttpMethod.POST,
                b -> b.path(WIDGETS).build(account.value()), WireMapping.toBody(settings), widgetEnvelope),
                "create widget");
    }

    @Override
    public WidgetWithSecret update(AccountId account, Sitekey sitekey, WidgetSettings settings) {
        return widgetWithSecret(call("update widget", account, HttpMethod.PUT, widgetUri(WIDGET, account, sitekey),
                WireMapping.toBody(settings), widgetEnvelope), "update widget");
    }

    @Override
    public Widget delete(AccountId account, Sitekey sitekey) {
        WirePayloads.Envelope<WirePayloads.Widget> envelope = call("delete widget", account, HttpMethod.DELETE,
                widgetUri(WIDGET, account, sitekey), null, widgetEnvelope);
        return map("delete widget", () -> WireMapping.toWidget(envelope.result()));
    }

    @Override
    public WidgetWithSecret rotateSecret(AccountId account, Sitekey sitekey, boolean invalidateImmediately) {
        return widgetWithSecret(call("rotate widget secret", account, HttpMethod.POST,
                widgetUri(ROTATE_SECRET, account, sitekey), new WirePayloads.RotateSecretBody(invalidateImmediately),
                widgetEnvelope), "rotate widget secret");
    }

    private static Function<UriBuilder, URI> widgetUri(String path, AccountId account, Sitekey sitekey) {
        return b -> b.path(path).build(account.value(), sitekey.value());
    }

    private WidgetWithSecret widgetWithSecret(WirePayloads.Envelope<WirePayloads.Widget> envelope, String operation) {
        return map(operation, () -> WireMapping.toWidgetWithSecret(envelope.result()));
    }

    private <T> WirePayloads.Envelope<T> call(String operation, AccountId accountId, HttpMethod method,
            Function<UriBuilder, URI> uri, @Nullable Object body, JavaType envelopeType) {
        CloudflareAccount account = accounts.get(accountId);
        WebClient.RequestBodySpec request = webClient.method(method)
                .uri(uri)
                .accept(MediaType.APPLICATION_JSON)
                .headers(headers -> authenticate(headers, account.credentials()));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).bodyValue(mapper.writeValueAsString(body));
        }
        long started = System.nanoTime();
        Mono<WirePayloads.Envelope<T>> exchange = request
                // Read as bytes: Spring's String decoder logs the start of a body at DEBUG, and a
                // body can hold a secret; the byte decoder logs only the length.
                .exchangeToMono(response -> response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                        // An answer came, just too large to be Cloudflare's: not a connection failure,
                        // and reading it again would not help.
                        .onErrorMap(DataBufferLimitException.class, tooLarge -> new CloudflareUnavailableException(
                                operation, Reason.INVALID_RESPONSE, response.statusCode().value(), null, null))
                        .map(bytes -> new RawResponse(response.statusCode().value(),
                                response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER),
                                new String(bytes, StandardCharsets.UTF_8))))
                .timeout(overallTimeout)
                .onErrorMap(failure -> !(failure instanceof CloudflareException),
                        failure -> transportFailure(operation, failure))
                .doOnNext(response -> log.debug("Cloudflare {} for account {}: HTTP {} after {} ms", operation,
                        accountId, response.status(), (System.nanoTime() - started) / 1_000_000))
                .map(response -> reader.read(operation, response, envelopeType));
        if (method == HttpMethod.GET) {
            exchange = exchange.retryWhen(readRetry);
        }
        return exchange.block();
    }

    private static void authenticate(HttpHeaders headers, Credentials credentials) {
        if (credentials instanceof Credentials.ApiToken token) {
            headers.setBearerAuth(token.token());
        } else if (credentials instanceof Credentials.GlobalApiKey key) {
            headers.set("X-Auth-Email", key.email());
            headers.set("X-Auth-Key", key.key());
        }
    }

    private static CloudflareUnavailableException transportFailure(String operation, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException
                    || t instanceof io.netty.handler.timeout.TimeoutException) {
                return new CloudflareUnavailableException(operation, Reason.TIMEOUT, 0, null, failure);
            }
        }
        return new CloudflareUnavailableException(operation, Reason.CONNECTION_FAILED, 0, null, failure);
    }

    private static <T> T map(String operation, java.util.function.Supplier<T> mapping) {
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
