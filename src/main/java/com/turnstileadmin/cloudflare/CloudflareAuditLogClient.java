package com.turnstileadmin.cloudflare;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.reconcile.AccountAuditLogs;
import com.turnstileadmin.reconcile.AuditLogEntry;
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
 */
public final class CloudflareAuditLogClient implements AccountAuditLogs {

    private static final String AUDIT_LOGS = "/accounts/{account_id}/logs/audit";

    private static final String WIDGETS_PATH = "/challenges/widgets";

    private static final int PAGE_SIZE = 1000;

    private final CloudflareAccounts accounts;

    private final CloudflareExchange exchange;

    private final JavaType envelope;

    public CloudflareAuditLogClient(WebClient.Builder builder, CloudflareAccounts accounts,
            CloudflareClientProperties properties, HttpClientSettings baseSettings, MeterRegistry registry) {
        JsonMapper mapper = WirePayloads.mapper();
        this.accounts = accounts;
        this.exchange = new CloudflareExchange(builder, accounts.apiBaseUrl(), properties, baseSettings, mapper,
                new CallMetrics(registry));
        this.envelope = mapper.getTypeFactory()
            .constructParametricType(WirePayloads.Envelope.class,
                    mapper.getTypeFactory().constructCollectionType(List.class, WirePayloads.AuditLogEntry.class));
    }

    @Override
    public Read widgetEntries(AccountId account, Instant since, Instant before, int maxCalls) {
        List<AuditLogEntry> entries = new ArrayList<>();
        String cursor = null;
        int calls = 0;
        while (calls < maxCalls) {
            calls++;
            WirePayloads.Envelope<List<WirePayloads.AuditLogEntry>> page = exchange
                .call(new CloudflareExchange.Call(Operation.AUDIT_LOGS, accounts.get(account), null, HttpMethod.GET,
                        uri(account, since, before, cursor), null), envelope);
            if (page.result() == null) {
                throw invalid(null);
            }
            page.result()
                .stream()
                .map(CloudflareAuditLogClient::toEntry)
                .filter(Objects::nonNull)
                .forEach(entries::add);
            cursor = next(page.resultInfo());
            if (cursor == null || page.result().isEmpty()) {
                break;
            }
        }
        entries.sort(Comparator.comparing(AuditLogEntry::time));
        return new Read(entries, calls);
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
                actor == null ? null : actor.tokenName());
    }

    private static CloudflareUnavailableException invalid(@Nullable Throwable cause) {
        return new CloudflareUnavailableException(Operation.AUDIT_LOGS.description(), Reason.INVALID_RESPONSE, 200,
                null, cause);
    }

}
