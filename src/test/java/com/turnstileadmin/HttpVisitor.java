package com.turnstileadmin;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.AppOverHttp.User;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Someone using the running app over plain HTTP, as a browser would but without one:
 * keeps the app's cookies (the session's, and before sign-in the CSRF token's and the
 * page to go back to), signs in on the sign-in form, and sends forms with the CSRF token
 * the pages carry. Paths go out exactly as given, unnormalised and undecoded, so that
 * Tomcat and Spring Security's firewall see what an attacker could send.
 */
public final class HttpVisitor {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();

    /**
     * The session cookie's name ({@code server.servlet.session.cookie.name} in
     * application.yml).
     */
    public static final String SESSION_COOKIE_NAME = "TURNSTILE_ADMIN_SESSION";

    /** Its name over HTTPS, where only this origin can set it. */
    public static final String HOST_SESSION_COOKIE_NAME = "__Host-" + SESSION_COOKIE_NAME;

    private static final Pattern COOKIE = Pattern.compile("^([^=;\\s]+)=([^;]*)");

    private static final Pattern CSRF_TOKEN = Pattern.compile("name=\"_csrf\"\\s+(?:value|content)=\"([^\"]+)\"");

    /**
     * What a browser asks for when it follows a link or sends a form (htmx asks for the
     * same).
     */
    private static final String BROWSERS_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";

    private int port;

    /** The cookies the app set, by name, as a browser keeps them for this host. */
    private final Map<String, String> cookies = new LinkedHashMap<>();

    private @Nullable String csrfToken;

    public HttpVisitor(int port) {
        this.port = port;
    }

    /**
     * Someone presenting a session id they did not get from the app: planted by an
     * attacker, say.
     */
    public static HttpVisitor withSessionId(int port, String sessionId) {
        HttpVisitor visitor = new HttpVisitor(port);
        visitor.cookies.put(SESSION_COOKIE_NAME, sessionId);
        return visitor;
    }

    /** Someone signed in on the sign-in form as {@code user}. */
    public static HttpVisitor signedIn(int port, User user) {
        HttpVisitor visitor = new HttpVisitor(port);
        Response signedIn = visitor.signIn(user);
        assertThat(signedIn.status()).as("sign-in as " + user).isEqualTo(302);
        assertThat(signedIn.header("Location")).as("sign-in as " + user).doesNotContain("error");
        return visitor;
    }

    /** Opens the sign-in form and sends it: the answer is the form's redirect. */
    public Response signIn(User user) {
        return signIn(user, "/login");
    }

    /**
     * The same on the form at {@code formPage}: {@code /login?local} beside single
     * sign-on.
     */
    public Response signIn(User user, String formPage) {
        get(formPage);
        Response signedIn = post("/login", Map.of("username", user.username, "password", user.password));
        // Signing in gives the session a new CSRF token; the next form fetches it.
        csrfToken = null;
        return signedIn;
    }

    public Response get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    /**
     * A form sent from a page of this session: with its CSRF token (from the last page
     * that had one).
     */
    public Response post(String path, Map<String, String> form, String... headers) {
        if (csrfToken == null) {
            get("/login");
        }
        Map<String, String> fields = new LinkedHashMap<>(form);
        fields.put("_csrf", csrfToken);
        return postWithoutCsrf(path, fields, headers);
    }

    /** A form sent without a CSRF token: forged on another site, say. */
    public Response postWithoutCsrf(String path, Map<String, String> form, String... headers) {
        String body = form.entrySet()
            .stream()
            .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
            .collect(Collectors.joining("&"));
        return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Sends the next requests to the app at another port, with the same session cookie
     * and CSRF token: another replica, as a load balancer may choose.
     */
    public HttpVisitor switchTo(int otherPort) {
        port = otherPort;
        return this;
    }

    /** The session cookie's value the app gave this visitor last, if any. */
    public @Nullable String sessionId() {
        return cookies.getOrDefault(SESSION_COOKIE_NAME, cookies.get(HOST_SESSION_COOKIE_NAME));
    }

    /** The value of the app's cookie of that name, if it set one. */
    public @Nullable String cookie(String name) {
        return cookies.get(name);
    }

    /**
     * Sets a cookie as another app on the same host could: browsers share cookies between
     * its ports.
     */
    public HttpVisitor plantCookie(String name, String value) {
        cookies.put(name, value);
        return this;
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Accept", BROWSERS_ACCEPT);
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (!cookies.isEmpty()) {
            request.header("Cookie",
                    cookies.entrySet()
                        .stream()
                        .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                        .collect(Collectors.joining("; ")));
        }
        return request;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            Response response = new Response(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()));
            response.headers("Set-Cookie").forEach(cookie -> {
                Matcher set = COOKIE.matcher(cookie);
                if (set.find()) {
                    // An empty value (with Max-Age=0) is how the app removes a cookie:
                    // signing out, say.
                    if (set.group(2).isEmpty()) {
                        cookies.remove(set.group(1));
                    }
                    else {
                        cookies.put(set.group(1), set.group(2));
                    }
                }
            });
            Matcher token = CSRF_TOKEN.matcher(response.body());
            if (token.find()) {
                csrfToken = token.group(1);
            }
            return response;
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An answer of the app. */
    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        /** The header's value, or "" when the answer has none. */
        public String header(String name) {
            return raw.headers().firstValue(name).orElse("");
        }

        public List<String> headers(String name) {
            return raw.headers().allValues(name);
        }

        /** The {@code Set-Cookie} of the session cookie, if the answer sets one. */
        public Optional<String> sessionCookie() {
            return cookie(SESSION_COOKIE_NAME).or(() -> cookie(HOST_SESSION_COOKIE_NAME));
        }

        /** The {@code Set-Cookie} of the cookie of that name, if the answer sets one. */
        public Optional<String> cookie(String name) {
            return headers("Set-Cookie").stream().filter(cookie -> cookie.startsWith(name + "=")).findFirst();
        }

        @Override
        public String toString() {
            return raw.request().method() + " " + raw.uri().getRawPath() + " → " + status();
        }
    }

}
