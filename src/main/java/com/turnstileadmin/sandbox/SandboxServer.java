package com.turnstileadmin.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.account.Credentials;
import com.turnstileadmin.sandbox.SandboxHttp.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stateful simulator of Cloudflare's Turnstile widget API for two accounts, one on the
 * Free plan and one with Enterprise, served over real HTTP on a loopback address only.
 * The app's adapter talks to it exactly as it talks to Cloudflare. Accepts its API token
 * and its legacy e-mail and key, both good for both accounts, and the fixed token of
 * {@code sandbox.api-token} when one is set, so that other tools can drive it; refuses
 * anything else. It answers Cloudflare's GraphQL Analytics API for Turnstile too
 * ({@code POST /graphql}), with simulated traffic for every widget, and keeps each
 * account's audit log of widget writes ({@code GET /accounts/{id}/logs/audit}).
 */
public final class SandboxServer implements AutoCloseable {

    public static final String BASE_PATH = "/client/v4";

    /**
     * The Free account's. Stable across restarts, so that links into the sandbox keep
     * working.
     */
    static final AccountId ACCOUNT_ID = new AccountId("5a4db0c5e1f24d7e9b3c0a6f8d2e1b47");

    /** The Enterprise account's, stable too. */
    static final AccountId ENTERPRISE_ACCOUNT_ID = new AccountId("8c1f3e2a9d7b4c6e0f5a2b9d4e7c1a30");
    static final String ACCOUNT_EMAIL = "sandbox@turnstile-admin.invalid";

    private static final Logger log = LoggerFactory.getLogger(SandboxServer.class);

    private final HttpServer server;

    private final ExecutorService executor;

    private final List<SandboxAccount> accounts;

    private final SandboxFaults faults;

    private final SandboxToken appToken;

    private final @Nullable SandboxToken fixedToken;

    private final Credentials.GlobalApiKey globalApiKey;

    private final SandboxHttp http = new SandboxHttp();

    private final WidgetApi widgetApi;

    private final AnalyticsAccess analyticsAccess;

    private final AnalyticsApi analyticsApi;

    private final AuditLogApi auditLogApi;

    private final AtomicLong requests = new AtomicLong();

    private final AtomicLong analyticsRequests = new AtomicLong();

    private SandboxServer(HttpServer server, ExecutorService executor, List<SandboxAccount> accounts,
            SandboxFaults faults, Keys keys, SandboxProperties properties, Clock clock) {
        this.server = server;
        this.executor = executor;
        this.accounts = accounts;
        this.faults = faults;
        this.appToken = SandboxToken.forTheApp(keys);
        this.fixedToken = properties.apiToken() == null ? null
                : SandboxToken.fixed(properties.apiTokenName(), properties.apiToken());
        this.globalApiKey = new Credentials.GlobalApiKey(ACCOUNT_EMAIL, keys.globalApiKey());
        this.widgetApi = new WidgetApi(accounts, http);
        this.analyticsAccess = new AnalyticsAccess(properties.analyticsPermission());
        this.analyticsApi = new AnalyticsApi(accounts, analyticsAccess, http, clock);
        this.auditLogApi = new AuditLogApi(accounts);
    }

    /**
     * Starts a sandbox with its two accounts and their demo widgets on a loopback port.
     */
    public static SandboxServer start(SandboxProperties properties, SandboxFaults faults, Clock clock) {
        // The JDK's server writes headers and body separately; with Nagle's algorithm on,
        // the body then
        // waits for the client's delayed ACK, about 40 ms per call. Cloudflare answers
        // without such a
        // stall, so the sandbox must too. The setting is JVM-wide and read once, when the
        // first JDK
        // HTTP server starts; the app starts no other, and none should want Nagle's
        // delay.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Keys keys = new Keys();
        List<SandboxAccount> accounts = List.of(
                SandboxAccount.withDemoWidgets(ACCOUNT_ID, "Sandbox (Free)", false, properties.demoWidgets(), clock,
                        keys),
                SandboxAccount.withDemoWidgets(ENTERPRISE_ACCOUNT_ID, "Sandbox (Enterprise)", true,
                        properties.enterpriseDemoWidgets(), clock, keys));
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "sandbox-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            // Loopback only, whatever the settings: the sandbox is a bench on this
            // machine, never a service on the network.
            HttpServer server = HttpServer
                .create(new InetSocketAddress(InetAddress.getLoopbackAddress(), properties.port()), 0);
            SandboxServer sandbox = new SandboxServer(server, executor, accounts, faults, keys, properties, clock);
            server.createContext(BASE_PATH, sandbox::handle);
            server.setExecutor(executor);
            server.start();
            sandbox.warnOfFixedSettings(properties);
            return sandbox;
        }
        catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("The sandbox could not open loopback port " + properties.port()
                    + (properties.port() == 0 ? "" : " (SANDBOX_PORT): is it taken?"), e);
        }
    }

    private void warnOfFixedSettings(SandboxProperties properties) {
        if (properties.port() != 0) {
            log.warn("The sandbox listens on a fixed port, {} (SANDBOX_PORT), at {}: for a test bench only.",
                    properties.port(), apiBaseUrl());
        }
        if (fixedToken != null) {
            // Its name and id, never its value.
            log.warn("The sandbox accepts a fixed API token (SANDBOX_API_TOKEN, named \"{}\", id {}) at {}: "
                    + "any program on this machine that has it can change the sandbox's widgets. "
                    + "For a test bench only.", fixedToken.name(), fixedToken.id(), apiBaseUrl());
        }
    }

    /** Where the sandbox's API lives, e.g. {@code http://127.0.0.1:43210/client/v4}. */
    public URI apiBaseUrl() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + BASE_PATH);
    }

    /** The Free account's id: the first account, which the dashboard opens. */
    public AccountId accountId() {
        return ACCOUNT_ID;
    }

    /** The Enterprise account's id. */
    public AccountId enterpriseAccountId() {
        return ENTERPRISE_ACCOUNT_ID;
    }

    /** Its accounts, the Free one first. */
    public List<SandboxAccount> accounts() {
        return accounts;
    }

    /**
     * The app's API token, which the sandbox accepts for both accounts, made anew at each
     * start. Its audit log entries name it {@value SandboxToken#APP_TOKEN_NAME}.
     */
    public Credentials.ApiToken apiToken() {
        return new Credentials.ApiToken(appToken.value());
    }

    /** The id of the app's token, as its audit log entries give it. */
    public String apiTokenId() {
        return appToken.id();
    }

    /** The fixed token of {@code sandbox.api-token}, if one is set. */
    public Optional<Credentials.ApiToken> fixedApiToken() {
        return Optional.ofNullable(fixedToken).map(token -> new Credentials.ApiToken(token.value()));
    }

    /** The id of the fixed token, as its audit log entries give it, if one is set. */
    public Optional<String> fixedApiTokenId() {
        return Optional.ofNullable(fixedToken).map(SandboxToken::id);
    }

    /**
     * The legacy e-mail and global key the sandbox accepts too, made anew at each start.
     */
    public Credentials.GlobalApiKey globalApiKey() {
        return globalApiKey;
    }

    /** How many widgets the given account has now. */
    public int widgetCount(AccountId account) {
        return widgetApi.account(account.value()).widgetCount();
    }

    /**
     * How many entries the given account's audit log holds: one for every write to its
     * widgets since the start, whoever made it.
     */
    public int auditLogCount(AccountId account) {
        return widgetApi.account(account.value()).auditLog().size();
    }

    /**
     * Gives or takes the tokens' "Account Settings Read" while the sandbox runs: without
     * it the audit logs are refused with a 403, as Cloudflare refuses them. Starts
     * granted.
     */
    public void auditLogPermission(boolean granted) {
        auditLogApi.permit(granted);
    }

    /**
     * How many requests the sandbox has received since it started, answered or refused:
     * what the app would have spent of Cloudflare's rate limit. Tests and the benchmark
     * count calls per page with it.
     */
    public long requestCount() {
        return requests.get();
    }

    /**
     * How many of those requests were GraphQL Analytics queries, which Cloudflare limits
     * on their own besides: the benchmark tells the two apart with it.
     */
    public long analyticsRequestCount() {
        return analyticsRequests.get();
    }

    /**
     * Gives or takes the token's "Account Analytics Read" while the sandbox runs: without
     * it every analytics query is refused with {@code authz}, as Cloudflare refuses it,
     * and the widget API still works. Starts as {@code sandbox.analytics-permission}.
     */
    public void analyticsPermission(boolean granted) {
        analyticsAccess.permit(granted);
    }

    /**
     * Stops offering an analytics dimension on both accounts, as a plan without it:
     * {@code settings} no longer lists it, and a query that selects it is refused.
     * @param dimension its name in the schema, e.g. {@code asn}
     * @throws IllegalArgumentException when the schema has no such dimension
     */
    public void withoutDimension(String dimension) {
        analyticsAccess.withhold(dimension);
    }

    /** Offers every analytics dimension again. */
    public void withAllDimensions() {
        analyticsAccess.offerAll();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        requests.incrementAndGet();
        if (AnalyticsApi.routes(exchange)) {
            analyticsRequests.incrementAndGet();
        }
        try (exchange) {
            Answer answer;
            try {
                answer = faults.inject();
                if (answer == null) {
                    answer = route(exchange);
                }
            }
            catch (SandboxError e) {
                answer = Answer.json(e.status(), SandboxJson.failure(e.code(), e.getMessage(), e.pointer()));
            }
            catch (RuntimeException e) {
                log.warn("The sandbox failed to answer {} {}", exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(), e);
                answer = Answer.json(500,
                        SandboxJson.failure(SandboxError.INTERNAL, "Internal error in the sandbox", null));
            }
            http.send(exchange, answer);
        }
        catch (IOException e) {
            log.debug("The sandbox could not send its answer: {}", e.getMessage());
        }
    }

    private Answer route(HttpExchange exchange) {
        Caller caller = authenticate(exchange);
        if (AnalyticsApi.routes(exchange)) {
            return analyticsApi.answer(exchange);
        }
        if (AuditLogApi.routes(exchange)) {
            return auditLogApi.answer(exchange);
        }
        if (TokenVerifyApi.routes(exchange)) {
            return TokenVerifyApi.answer(exchange, caller);
        }
        return widgetApi.answer(exchange, caller);
    }

    private Caller authenticate(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String email = exchange.getRequestHeaders().getFirst("X-Auth-Email");
        String key = exchange.getRequestHeaders().getFirst("X-Auth-Key");
        if (authorization == null && email == null && key == null) {
            throw new SandboxError(401, SandboxError.MISSING_AUTH, "Unable to authenticate request", null);
        }
        String ipAddress = exchange.getRemoteAddress().getAddress().getHostAddress();
        String userAgent = exchange.getRequestHeaders().getFirst("User-Agent");
        if (authorization != null) {
            for (SandboxToken token : fixedToken == null ? List.of(appToken) : List.of(appToken, fixedToken)) {
                if (token.matches(authorization)) {
                    return new Caller(Caller.API_TOKEN, token, ipAddress, userAgent);
                }
            }
        }
        if (globalApiKey.email().equals(email) && globalApiKey.key().equals(key)) {
            return new Caller(Caller.API_KEY, null, ipAddress, userAgent);
        }
        throw new SandboxError(403, SandboxError.AUTH_FAILED, "Authentication error", null);
    }

}
