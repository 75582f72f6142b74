package com.turnstileadmin.cloudflare;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.account.CloudflareAccount;
import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.account.Credentials;
import com.turnstileadmin.reconcile.AccountAuditLogs;
import com.turnstileadmin.reconcile.AuditLogEntry;
import com.turnstileadmin.widget.CloudflareApiException;
import com.turnstileadmin.widget.CloudflareUnavailableException;
import com.turnstileadmin.widget.CloudflareUnavailableException.Reason;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cloudflare's account audit logs (v2) over HTTP: {@code GET /accounts/{id}/logs/audit}
 * with {@code since} and {@code before}, a cursor per page, through the adapter's own
 * exchange (retried, timed out, typed and logged like the widget calls). Only the entries
 * about Turnstile widgets are kept: matched by {@code raw.uri}, as Cloudflare publishes
 * no sample of theirs.
 *
 * <p>
 * The entries of the dashboard's own credentials are left out: its writes are never
 * changes made outside, so such an entry never names who made one. An API token is known
 * by its id, which {@code GET /user/tokens/verify} (or the account's, for a token the
 * account owns) gives once per account; a global API key by its e-mail address.
 */
public final class CloudflareAuditLogClient implements AccountAuditLogs {

    private static final String AUDIT_LOGS = "/accounts/{account_id}/logs/audit";

    private static final String WIDGETS_PATH = "/challenges/widgets";

    private static final int PAGE_SIZE = 1000;

    private static final String USER_TOKEN_VERIFY = "/user/tokens/verify";

    private static final String ACCOUNT_TOKEN_VERIFY = "/accounts/{account_id}/tokens/verify";

    private final CloudflareAccounts accounts;

    private final CloudflareExchange exchange;

    private final JavaType envelope;

    private final JavaType tokenEnvelope;

    /** Each account's token id, once verified; empty where no endpoint would say. */
    private final Map<AccountId, Optional<String>> ownTokens = new ConcurrentHashMap<>();

    public CloudflareAuditLogClient(WebClient.Builder builder, CloudflareAccounts accounts,
            CloudflareClientProperties properties, HttpClientSettings baseSettings, MeterRegistry registry) {
        JsonMapper mapper = WirePayloads.mapper();
        this.accounts = accounts;
        this.exchange = new CloudflareExchange(builder, accounts.apiBaseUrl(), properties, baseSettings, mapper,
                new CallMetrics(registry));
        this.envelope = mapper.getTypeFactory()
            .constructParametricType(WirePayloads.Envelope.class,
                    mapper.getTypeFactory().constructCollectionType(List.class, WirePayloads.AuditLogEntry.class));
        this.tokenEnvelope = mapper.getTypeFactory()
            .constructParametricType(WirePayloads.Envelope.class, WirePayloads.TokenStatus.class);
    }

    @Override
    public Read widgetEntries(AccountId account, Instant since, Instant before, int maxCalls) {
        List<AuditLogEntry> entries = new ArrayList<>();
        String cursor = null;
        int calls = 0;
        CloudflareAccount credentials = accounts.get(account);
        Predicate<AuditLogEntry> own = entry -> false;
        if (credentials.credentials() instanceof Credentials.GlobalApiKey key) {
            own = entry -> "api_key".equals(entry.context()) && key.email().equalsIgnoreCase(entry.email());
        }
        else if (ownTokens.containsKey(account) || maxCalls > 1) {
            // A page is always left for the entries themselves.
            Verified verified = ownToken(credentials, maxCalls - 1);
            calls += verified.calls();
            String id = verified.id();
            if (id != null) {
                own = entry -> id.equals(entry.tokenId());
            }
        }
        while (calls < maxCalls) {
            calls++;
            WirePayloads.Envelope<List<WirePayloads.AuditLogEntry>> page = exchange
                .call(new CloudflareExchange.Call(Operation.AUDIT_LOGS, credentials, null, HttpMethod.GET,
                        uri(account, since, before, cursor), null), envelope);
            if (page.result() == null) {
                throw invalid(null);
            }
            page.result()
                .stream()
                .map(CloudflareAuditLogClient::toEntry)
                .filter(Objects::nonNull)
                .filter(own.negate())
                .forEach(entries::add);
            cursor = next(page.resultInfo());
            if (cursor == null || page.result().isEmpty()) {
                break;
            }
        }
        entries.sort(Comparator.comparing(AuditLogEntry::time));
        return new Read(entries, calls);
    }

    /**
     * The account's token id: a user's token verifies at {@code /user/tokens/verify}, one
     * the account owns at the account's. Kept once an endpoint answered or both refused;
     * asked again after Cloudflare was out of reach.
     */
    private Verified ownToken(CloudflareAccount account, int maxCalls) {
        Optional<String> known = ownTokens.get(account.id());
        if (known != null) {
            return new Verified(known.orElse(null), 0);
        }
        int calls = 0;
        for (String path : List.of(USER_TOKEN_VERIFY, ACCOUNT_TOKEN_VERIFY)) {
            if (calls == maxCalls) {
                return new Verified(null, calls);
            }
            calls++;
            try {
                WirePayloads.Envelope<WirePayloads.TokenStatus> answer = exchange.call(
                        new CloudflareExchange.Call(Operation.VERIFY_TOKEN, account, null, HttpMethod.GET,
                                b -> b.path(path).build(Map.of("account_id", account.id().value())), null),
                        tokenEnvelope);
                String id = answer.result() == null ? null : answer.result().id();
                if (id != null && !id.isBlank()) {
                    ownTokens.put(account.id(), Optional.of(id));
                    return new Verified(id, calls);
                }
            }
            catch (CloudflareApiException refused) {
                // Not this kind of token: the other endpoint may know it.
            }
            catch (CloudflareUnavailableException unavailable) {
                return new Verified(null, calls);
            }
        }
        ownTokens.put(account.id(), Optional.empty());
        return new Verified(null, calls);
    }

    /** A token's id, if known, and the calls it took to learn. */
    private record Verified(@Nullable String id, int calls) {
    }

    private static java.util.function.Function<UriBuilder, URI> uri(AccountId account, Instant since, Instant before,
            @Nullable String cursor) {
        return b -> {
            // Values as variables, encoded strictly: a cursor is opaque.
            Map<String, Object> variables = new HashMap<>();
            variables.put("account_id", account.value());
            variables.put("since", since.toString());
            variables.put("before", before.toString());
            variables.put("limit", PAGE_SIZE);
            b.path(AUDIT_LOGS)
                .queryParam("since", "{since}")
                .queryParam("before", "{before}")
                .queryParam("direction", "asc")
                .queryParam("limit", "{limit}");
            if (cursor != null) {
                variables.put("cursor", cursor);
                b.queryParam("cursor", "{cursor}");
            }
            return b.build(variables);
        };
    }

    private static @Nullable String next(WirePayloads.@Nullable ResultInfo info) {
        if (info == null) {
            return null;
        }
        if (info.cursors() != null && info.cursors().after() != null && !info.cursors().after().isEmpty()) {
            return info.cursors().after();
        }
        return info.cursor() == null || info.cursor().isEmpty() ? null : info.cursor();
    }

    /** The entry, if it is about a widget and has what matching it needs. */
    private static @Nullable AuditLogEntry toEntry(WirePayloads.AuditLogEntry entry) {
        if (entry.raw() == null || entry.raw().uri() == null || !entry.raw().uri().contains(WIDGETS_PATH)
                || entry.resource() == null || entry.resource().id() == null || entry.action() == null
                || entry.action().time() == null || entry.raw().method() == null) {
            return null;
        }
        Instant time;
        try {
            time = Instant.parse(entry.action().time());
        }
        catch (DateTimeParseException e) {
            throw invalid(e);
        }
        WirePayloads.Actor actor = entry.actor();
        return new AuditLogEntry(time, entry.resource().id(), entry.raw().method(), entry.raw().uri(),
                actor == null ? null : actor.id(), actor == null ? null : actor.email(),
                actor == null ? null : actor.context(), actor == null ? null : actor.tokenId(),
                actor == null ? null : actor.tokenName(), invalidateImmediately(entry));
    }

    /**
     * A rotation's choice, from its request's body: absent from a body is Cloudflare's
     * default, {@code false}; without the body, not known.
     */
    private static @Nullable Boolean invalidateImmediately(WirePayloads.AuditLogEntry entry) {
        Map<String, Object> request = entry.resource().request();
        if (request == null || !entry.raw().uri().endsWith("/rotate_secret")) {
            return null;
        }
        return Boolean.TRUE.equals(request.get("invalidate_immediately"));
    }

    private static CloudflareUnavailableException invalid(@Nullable Throwable cause) {
        return new CloudflareUnavailableException(Operation.AUDIT_LOGS.description(), Reason.INVALID_RESPONSE, 200,
                null, cause);
    }

}
