package com.turnstileadmin.cloudflare;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.account.CloudflareAccount;
import com.turnstileadmin.account.Credentials;
import com.turnstileadmin.widget.CloudflareException;
import com.turnstileadmin.widget.CloudflareUnavailableException;
import com.turnstileadmin.widget.CloudflareUnavailableException.Reason;
import com.turnstileadmin.widget.Sitekey;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * One HTTP call to the Cloudflare API and what becomes of it: authentication, the answer
 * read and typed by {@link ResponseReader}, transport failures typed too, reads retried
 * (see {@link ReadRetry}), uncertain writes marked as such, and Cloudflare's long
 * rate-limit block remembered so that calls during it fail at once instead of spending
 * the team's shared limit. Every request sent is recorded by a {@link CallRecorder}: a
 * metric and one log line each. Blocks once, here at the edge.
 */
final class CloudflareExchange {

    private static final Logger log = LoggerFactory.getLogger(CloudflareExchange.class);

    /**
     * A page of 1000 widgets is about half a megabyte; Spring's default limit is 256 KB.
     */
    private static final int MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

    /**
     * One call: what it is for, whose account, which widget if one (for the log line),
     * and the request.
     */
    record Call(Operation operation, CloudflareAccount account, @Nullable Sitekey sitekey, HttpMethod method,
            Function<UriBuilder, URI> uri, @Nullable Object body) {
    }

    private final WebClient webClient;

    private final JsonMapper mapper;

    private final ResponseReader reader;

    private final CloudflareClientProperties.Retry retry;

    private final Duration overallTimeout;

    private final CallMetrics metrics;

    /**
     * A rate limit's block of one account. GraphQL has a limit of its own on top of the
     * API's: a 429 to a query may be only that one's, so it never stops widget calls
     * (which learn of the API's limit from their own 429).
     */
    private record BlockKey(AccountId account, Operation.Limit limit) {
    }

    private final Map<BlockKey, Instant> rateLimitedUntil = new ConcurrentHashMap<>();

    CloudflareExchange(WebClient.Builder builder, URI apiBaseUrl, CloudflareClientProperties properties,
            HttpClientSettings baseSettings, JsonMapper mapper, CallMetrics metrics) {
        // Never follow a redirect: the legacy auth headers would go along to wherever it
        // points,
        // and a 307 would send a write twice. Boot's other client settings (an SSL bundle
        // for a
        // proxy, say) still apply.
        HttpClientSettings settings = baseSettings
            .withTimeouts(properties.connectTimeout(), properties.responseTimeout())
            .withRedirects(HttpRedirects.DONT_FOLLOW);
        this.webClient = builder.clone()
            .baseUrl(apiBaseUrl.toString())
            .clientConnector(ClientHttpConnectorBuilder.reactor().build(settings))
            .codecs(codecs -> {
                codecs.defaultCodecs().maxInMemorySize(MAX_RESPONSE_BYTES);
                // Whatever spring.http.codecs.log-request-details says: with it, headers
                // (the token) would be logged at TRACE.
                codecs.defaultCodecs().enableLoggingRequestDetails(false);
            })
            .build();
        this.mapper = mapper;
        this.reader = new ResponseReader(mapper);
        this.retry = properties.retry();
        // A safety net over the connector's own timeouts, which do not cover every stage
        // of a call.
        this.overallTimeout = properties.connectTimeout().plus(properties.responseTimeout()).plusSeconds(1);
        this.metrics = metrics;
    }

    /**
     * Makes the call; a read that fails for a reason worth another try is retried (see
     * {@link ReadRetry}).
     */
    <T> WirePayloads.Envelope<T> call(Call call, JavaType envelopeType) {
        return send(call, this.<T>envelopeReader(call, envelopeType), true).block();
    }

    /**
     * Makes the call with one request, never retried: a health check must not spend the
     * rate limit on retries.
     */
    <T> WirePayloads.Envelope<T> callOnce(Call call, JavaType envelopeType) {
        return send(call, this.<T>envelopeReader(call, envelopeType), false).block();
    }

    /**
     * The call, made when subscribed to, its answer read by {@code read}, which types a
     * refusal it finds in a body by throwing; for answers that are not the v4 envelope
     * (GraphQL's). A read is retried when {@code retryReads} says so.
     */
    <T> Mono<T> send(Call call, Function<RawResponse, T> read, boolean retryReads) {
        String operation = call.operation().description();
        AccountId account = call.account().id();
        BlockKey block = new BlockKey(account, call.operation().limit());
        return Mono.defer(() -> {
            refuseDuringRateLimitBlock(operation, block);
            return exchange(call, read, retryReads, block);
        });
    }

    private <T> Function<RawResponse, WirePayloads.Envelope<T>> envelopeReader(Call call, JavaType envelopeType) {
        String operation = call.operation().description();
        return response -> reader.read(operation, response, envelopeType);
    }

    private <T> Mono<T> exchange(Call call, Function<RawResponse, T> read, boolean retryReads, BlockKey block) {
        String operation = call.operation().description();
        AccountId account = call.account().id();
        WebClient.RequestBodySpec request = webClient.method(call.method())
            .uri(call.uri())
            .accept(MediaType.APPLICATION_JSON)
            .headers(headers -> authenticate(headers, call.account().credentials()));
        if (call.body() != null) {
            request.contentType(MediaType.APPLICATION_JSON).bodyValue(mapper.writeValueAsString(call.body()));
        }
        long started = System.nanoTime();
        Mono<RawResponse> sent = request
            // Read as bytes: Spring's String decoder logs the start of a body at DEBUG,
            // and a
            // body can hold a secret; the byte decoder logs only the length.
            .exchangeToMono(response -> response.bodyToMono(byte[].class)
                .defaultIfEmpty(new byte[0])
                // An answer came, just too large to be Cloudflare's: not a connection
                // failure,
                // and reading it again would not help.
                .onErrorMap(DataBufferLimitException.class,
                        tooLarge -> new CloudflareUnavailableException(operation, Reason.INVALID_RESPONSE,
                                response.statusCode().value(), null, null))
                .map(bytes -> new RawResponse(response.statusCode().value(),
                        response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER),
                        new String(bytes, StandardCharsets.UTF_8))))
            .timeout(overallTimeout)
            .onErrorMap(failure -> !(failure instanceof CloudflareException),
                    failure -> transportFailure(operation, failure));
        // Each attempt is one request, recorded on its own (a retry subscribes again).
        // Recorded below the
        // timeout, which cancels the request above it and passes on an error, so a
        // timeout counts once.
        Mono<T> exchange = Mono.defer(() -> {
            CallRecorder recorder = new CallRecorder(metrics, call.operation(), account,
                    call.sitekey() == null ? null : call.sitekey().value());
            return sent.doOnNext(response -> recorder.answered(response.status()))
                .map(read)
                .doOnSuccess(answer -> recorder.succeeded())
                .doOnError(recorder::failed)
                .doOnCancel(recorder::cancelled);
        }).doOnError(CloudflareUnavailableException.class, failure -> rememberRateLimitBlock(block, failure));
        if (!call.operation().read()) {
            exchange = exchange.onErrorMap(CloudflareUnavailableException.class, CloudflareExchange::asWriteFailure);
        }
        else if (retryReads) {
            exchange = exchange.retryWhen(ReadRetry.of(retry, started));
        }
        return exchange;
    }

    private void refuseDuringRateLimitBlock(String operation, BlockKey block) {
        Instant until = rateLimitedUntil.get(block);
        Instant now = Instant.now();
        if (until != null && now.isBefore(until)) {
            throw new CloudflareUnavailableException(operation, Reason.RATE_LIMITED, 429, Duration.between(now, until),
                    null);
        }
    }

    /**
     * Only a block longer than the retries wait out (Cloudflare's is five minutes) is
     * remembered.
     */
    private void rememberRateLimitBlock(BlockKey block, CloudflareUnavailableException failure) {
        Duration retryAfter = failure.retryAfter();
        if (failure.reason() == Reason.RATE_LIMITED && retryAfter != null
                && retryAfter.compareTo(retry.maxRetryAfter()) > 0) {
            log.warn("Cloudflare rate-limited account {} for {} s; its {} calls fail at once until then",
                    block.account(), retryAfter.toSeconds(), block.limit().description());
            rateLimitedUntil.merge(block, Instant.now().plus(retryAfter),
                    (earlier, later) -> later.isAfter(earlier) ? later : earlier);
        }
    }

    /**
     * A write that reached Cloudflare and got no usable answer may have been carried out.
     */
    private static CloudflareUnavailableException asWriteFailure(CloudflareUnavailableException failure) {
        boolean neverSent = failure.reason() == Reason.RATE_LIMITED
                || (failure.reason() == Reason.CONNECTION_FAILED && causedBy(failure, ConnectException.class));
        return neverSent ? failure : failure.withOutcomeUnknown();
    }

    private static void authenticate(HttpHeaders headers, Credentials credentials) {
        if (credentials instanceof Credentials.ApiToken token) {
            headers.setBearerAuth(token.token());
        }
        else if (credentials instanceof Credentials.GlobalApiKey key) {
            headers.set("X-Auth-Email", key.email());
            headers.set("X-Auth-Key", key.key());
        }
    }

    private static CloudflareUnavailableException transportFailure(String operation, Throwable failure) {
        boolean timedOut = causedBy(failure, java.util.concurrent.TimeoutException.class)
                || causedBy(failure, io.netty.handler.timeout.TimeoutException.class);
        return new CloudflareUnavailableException(operation, timedOut ? Reason.TIMEOUT : Reason.CONNECTION_FAILED, 0,
                null, failure);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

}
