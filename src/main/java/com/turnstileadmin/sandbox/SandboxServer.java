package com.turnstileadmin.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.account.Credentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stateful simulator of Cloudflare's Turnstile widget API for one account, served over real HTTP
 * on a loopback address only. The app's adapter talks to it exactly as it talks to Cloudflare.
 * Accepts the account's API token and its legacy e-mail and key; refuses anything else.
 */
public final class SandboxServer implements AutoCloseable {

    public static final String BASE_PATH = "/client/v4";
    /** Stable across restarts, so that links into the sandbox keep working. */
    static final AccountId ACCOUNT_ID = new AccountId("5a4db0c5e1f24d7e9b3c0a6f8d2e1b47");
    static final String ACCOUNT_EMAIL = "sandbox@turnstile-admin.invalid";

    private static final Logger log = LoggerFactory.getLogger(SandboxServer.class);
    private static final Pattern ROUTE =
            Pattern.compile(BASE_PATH + "/accounts/([^/]+)/challenges/widgets(?:/([^/]+)(/rotate_secret)?)?/?");
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final WidgetStore store;
    private final WidgetInputParser parser;
    private final SandboxFaults faults;
    private final Credentials.ApiToken apiToken;
    private final Credentials.GlobalApiKey globalApiKey;
    private final JsonMapper mapper = JsonMapper.builder().build();

    private SandboxServer(HttpServer server, ExecutorService executor, WidgetStore store, WidgetInputParser parser,
            SandboxFaults faults, Keys keys) {
        this.server = server;
        this.executor = executor;
        this.store = store;
        this.parser = parser;
        this.faults = faults;
        this.apiToken = new Credentials.ApiToken(keys.apiToken());
        this.globalApiKey = new Credentials.GlobalApiKey(ACCOUNT_EMAIL, keys.globalApiKey());
    }

    /** Starts a sandbox with its demo widgets on a loopback port. */
    public static SandboxServer start(SandboxProperties properties, SandboxFaults faults, Clock clock) {
        Keys keys = new Keys();
        WidgetStore store = new WidgetStore(clock, keys);
        DemoWidgets.addTo(store, properties.demoWidgets(), clock.instant());
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "sandbox-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            HttpServer server = HttpServer.create(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), properties.port()), 0);
            SandboxServer sandbox = new SandboxServer(server, executor, store,
                    new WidgetInputParser(properties.enterprise()), faults, keys);
            server.createContext(BASE_PATH, sandbox::handle);
            server.setExecutor(executor);
            server.start();
            return sandbox;
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("The sandbox could not open a loopback port", e);
        }
    }

    /** Where the sandbox's API lives, e.g. {@code http://127.0.0.1:43210/client/v4}. */
    public URI apiBaseUrl() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + BASE_PATH);
    }

    public AccountId accountId() {
        return ACCOUNT_ID;
    }

    /** The API token the sandbox accepts, made anew at each start. */
    public Credentials.ApiToken apiToken() {
        return apiToken;
    }

    /** The legacy e-mail and global key the sandbox accepts too, made anew at each start. */
    public Credentials.GlobalApiKey globalApiKey() {
        return globalApiKey;
    }

    public int widgetCount() {
        return store.size();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private record Answer(int status, Map<String, Object> json, @Nullable String retryAfter, @Nullable String html) {

        static Answer json(int status, Map<String, Object> json) {
            return new Answer(status, json, null, null);
        }
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            Answer answer;
            try {
                answer = injectedFault();
                if (answer == null) {
                    answer = route(exchange);
                }
            } catch (SandboxError e) {
                answer = Answer.json(e.status(), SandboxJson.failure(e.code(), e.getMessage(), e.pointer()));
            } catch (RuntimeException e) {
                log.warn("The sandbox failed to answer {} {}", exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(), e);
                answer = Answer.json(500, SandboxJson.failure(10500, "Internal error in the sandbox", null));
            }
            send(exchange, answer);
        } catch (IOException e) {
            log.debug("The sandbox could not send its answer: {}", e.getMessage());
        }
    }

    private @Nullable Answer injectedFault() {
        SandboxProperties.Faults now = faults.current();
        if (!now.latency().isZero()) {
            try {
                Thread.sleep(now.latency().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (now.serverErrorRate() > 0 && random.nextDouble() < now.serverErrorRate()) {
            // What an edge sends when the origin behind it fails: HTML, not the JSON envelope.
            return new Answer(502, Map.of(), null,
                    "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>");
        }
        if (now.rateLimitRate() > 0 && random.nextDouble() < now.rateLimitRate()) {
            long seconds = (now.retryAfter().toMillis() + 999) / 1000;
            return new Answer(429, SandboxJson.failure(SandboxError.RATE_LIMITED,
                    "Rate limited. Please wait and consider throttling your request speed", null),
                    Long.toString(seconds), null);
        }
        return null;
    }

    private Answer route(HttpExchange exchange) {
        authenticate(exchange);
        Matcher route = ROUTE.matcher(exchange.getRequestURI().getRawPath());
        if (!route.matches()) {
            throw new SandboxError(404, SandboxError.NO_ROUTE, "No route for that URI", null);
        }
        if (!ACCOUNT_ID.value().equals(route.group(1))) {
            throw new SandboxError(403, SandboxError.AUTH_FAILED, "Authentication error", null);
        }
        String sitekey = route.group(2);
        boolean rotate = route.group(3) != null;
        String method = exchange.getRequestMethod();
        if (sitekey == null) {
            return switch (method) {
                case "GET" -> Answer.json(200, SandboxJson.listing(store.list(ListRequest.parse(query(exchange)))));
                case "POST" -> widget(store.create(parser.parse(body(exchange), "world")));
                default -> throw methodNotAllowed();
            };
        }
        if (rotate) {
            if (!method.equals("POST")) {
                throw methodNotAllowed();
            }
            return widget(store.rotateSecret(sitekey, invalidateImmediately(body(exchange))));
        }
        return switch (method) {
            case "GET" -> widget(store.get(sitekey));
            case "PUT" -> widget(store.update(sitekey,
                    parser.parse(body(exchange), store.get(sitekey).settings().region())));
            case "DELETE" -> widget(store.delete(sitekey));
            default -> throw methodNotAllowed();
        };
    }

    private void authenticate(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String email = exchange.getRequestHeaders().getFirst("X-Auth-Email");
        String key = exchange.getRequestHeaders().getFirst("X-Auth-Key");
        if (authorization == null && email == null && key == null) {
            throw new SandboxError(401, SandboxError.MISSING_AUTH, "Unable to authenticate request", null);
        }
        boolean tokenMatches = ("Bearer " + apiToken.token()).equals(authorization);
        boolean keyMatches = globalApiKey.email().equals(email) && globalApiKey.key().equals(key);
        if (!tokenMatches && !keyMatches) {
            throw new SandboxError(403, SandboxError.AUTH_FAILED, "Authentication error", null);
        }
    }

    private static Answer widget(SandboxWidget widget) {
        return Answer.json(200, SandboxJson.success(SandboxJson.widget(widget, true)));
    }

    private static boolean invalidateImmediately(@Nullable JsonNode body) {
        if (body == null || !body.isObject()) {
            throw SandboxError.badRequest("The request body must be a JSON object");
        }
        JsonNode flag = body.get("invalidate_immediately");
        if (flag == null || flag.isNull()) {
            return false;
        }
        if (!flag.isBoolean()) {
            throw SandboxError.invalidField("/invalidate_immediately", "invalidate_immediately must be true or false");
        }
        return flag.booleanValue();
    }

    private static SandboxError methodNotAllowed() {
        return new SandboxError(405, SandboxError.METHOD_NOT_ALLOWED, "Method not allowed", null);
    }

    private @Nullable JsonNode body(HttpExchange exchange) {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw SandboxError.badRequest("The request body is too large");
            }
            return bytes.length == 0 ? null : mapper.readTree(bytes);
        } catch (JacksonException e) {
            throw SandboxError.badRequest("The request body is not valid JSON");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> parameters = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    private void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] body;
        if (answer.html() != null) {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            body = answer.html().getBytes(StandardCharsets.UTF_8);
        } else {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            body = mapper.writeValueAsBytes(answer.json());
        }
        if (answer.retryAfter() != null) {
            exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
        }
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
    }
}
