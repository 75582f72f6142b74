package com.turnstileadmin.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.AppOverHttp;
import com.turnstileadmin.AppOverHttp.User;
import com.turnstileadmin.HttpVisitor;
import com.turnstileadmin.HttpVisitor.Response;
import com.turnstileadmin.SessionTable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySourcesPropertyResolver;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The session cookie and HTTPS, as Tomcat and Spring Security send them over real HTTP:
 * behind a TLS-ending proxy on an internal address (here: loopback) the app knows a
 * request came over HTTPS from {@code X-Forwarded-Proto} and answers with HSTS and a
 * Secure cookie; the session id changes at sign-in; the session ends after the configured
 * idle time, as Spring Session keeps it in the database, and at sign-out.
 */
@AppOverHttp
class SessionAndTransportTest {

    private static final String FROM_HTTPS_PROXY = "X-Forwarded-Proto";

    @LocalServerPort
    int port;

    @Autowired
    ServletWebServerApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void overHttpsBehindATrustedProxyTheAnswerHasHstsAndTheSessionCookieIsSecureAndHostPrefixed() {
        HttpVisitor visitor = new HttpVisitor(port);
        Response form = visitor.get("/login", FROM_HTTPS_PROXY, "https");
        Response signedIn = visitor.post("/login",
                Map.of("username", User.VIEWER.username, "password", User.VIEWER.password), FROM_HTTPS_PROXY, "https");

        assertThat(form.header("Strict-Transport-Security")).startsWith("max-age=31536000");
        assertThat(form.cookie("__Host-" + CsrfTokens.COOKIE_NAME)).as("the sign-in form's token")
            .hasValueSatisfying(cookie -> assertThat(cookie).contains("; Secure", "; Path=/").doesNotContain("Domain"));
        assertThat(signedIn.header("Location")).isEqualTo("/");
        assertThat(signedIn.cookie(HttpVisitor.SESSION_COOKIE_NAME)).isEmpty();
        assertThat(signedIn.cookie(HttpVisitor.HOST_SESSION_COOKIE_NAME)).hasValueSatisfying(
                cookie -> assertThat(cookie).contains("; Secure", "; Path=/", "; HttpOnly").doesNotContain("Domain"));
        assertThat(visitor.get("/", FROM_HTTPS_PROXY, "https").header("Location")).endsWith("/widgets");
    }

    @Test
    void overHttpsASessionCookieWithoutTheHostPrefixIsIgnoredAsAnotherAppOnTheHostCouldHavePlantedIt() {
        HttpVisitor plainCookie = HttpVisitor.signedIn(port, User.VIEWER);
        assertThat(plainCookie.get("/").header("Location")).endsWith("/widgets");

        assertThat(plainCookie.get("/", FROM_HTTPS_PROXY, "https").header("Location")).isEqualTo("/login");
    }

    @Test
    void overPlainHttpThereIsNoHstsAndTheSessionCookieIsNotSecure() {
        HttpVisitor visitor = new HttpVisitor(port);
        Response form = visitor.get("/login");
        Response signedIn = visitor.signIn(User.VIEWER);

        assertThat(form.headers("Strict-Transport-Security")).isEmpty();
        assertThat(signedIn.sessionCookie())
            .hasValueSatisfying(cookie -> assertThat(cookie).startsWith(HttpVisitor.SESSION_COOKIE_NAME + "=")
                .doesNotContain("Secure"));
    }

    @Test
    void forwardedHeadersAreTrustedFromInternalAddressesOnly() {
        RemoteIpValve valve = Arrays.stream(tomcat().getEngine().getPipeline().getValves())
            .filter(RemoteIpValve.class::isInstance)
            .map(RemoteIpValve.class::cast)
            .findFirst()
            .orElseThrow();
        // Tomcat reads the setting as CIDR blocks (Boot's default) the same way.
        List<NetMask> trusted = Arrays.stream(valve.getInternalProxies().split(","))
            .map(block -> new NetMask(block.strip()))
            .toList();
        Predicate<String> isTrusted = address -> trusted.stream().anyMatch(mask -> mask.matches(ip(address)));

        assertThat(valve.getProtocolHeader()).isEqualToIgnoringCase(FROM_HTTPS_PROXY);
        assertThat(List.of("127.0.0.1", "127.8.9.10", "::1")).allMatch(isTrusted);
        assertThat(List.of("10.0.3.7", "172.20.0.2", "192.168.1.10", "169.254.1.1", "fd00::1", "203.0.113.7", "8.8.8.8",
                "2001:db8::1"))
            .as("another machine, private network or not")
            .noneMatch(isTrusted);
    }

    @Test
    void theTrustedProxiesAreLoopbackUnlessTrustedProxiesIsSet() throws IOException {
        assertThat(applicationYml().getProperty("server.tomcat.remoteip.internal-proxies"))
            .isEqualTo("127.0.0.0/8, ::1/128");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        Response response = HttpVisitor.withSessionId(port, "none").signIn(User.VIEWER);

        assertThat(response.sessionCookie()).hasValueSatisfying(cookie -> assertThat(cookie).contains("; HttpOnly")
            .containsIgnoringCase("; SameSite=Lax")
            .contains("; Path=/"));
    }

    @Test
    void signingInGivesANewSessionIdSoThatOneKnownBeforehandIsWorthNothing() {
        // Signing in makes the first session; an id planted before it (say, by another
        // app on the host) is not taken.
        String beforeSignIn = java.util.Base64.getEncoder().encodeToString("planted-by-an-attacker".getBytes());
        HttpVisitor visitor = HttpVisitor.withSessionId(port, beforeSignIn);

        visitor.signIn(User.ADMIN);

        assertThat(visitor.sessionId()).isNotNull().isNotEqualTo(beforeSignIn);
        assertThat(visitor.get("/").header("Location")).endsWith("/widgets");
        Response planted = HttpVisitor.withSessionId(port, beforeSignIn).get("/");
        assertThat(planted.header("Location")).as("the id an attacker planted before sign-in").endsWith("/login");
    }

    @Test
    void aSessionEndsAfterTheIdleTimeoutOfSessionIdleTimeout() {
        HttpVisitor visitor = HttpVisitor.signedIn(port, User.VIEWER);
        String cookie = visitor.sessionId();
        Duration idleTimeout = Duration.ofMinutes(AppOverHttp.SESSION_IDLE_TIMEOUT_MINUTES);

        // Kept a step longer, as its last-access time is written in steps.
        Duration kept = idleTimeout.plus(CoarseLastAccessSessions.stepFor(idleTimeout));
        assertThat(sessions().idleTimeoutOf(cookie)).isEqualTo(kept);
        sessions().lastRequestAgo(cookie, idleTimeout.minusSeconds(30));
        assertThat(visitor.get("/").header("Location")).as("just within the idle timeout").endsWith("/widgets");
        sessions().lastRequestAgo(cookie, kept.plusSeconds(1));
        assertThat(visitor.get("/").header("Location")).as("just past it").endsWith("/login");
        assertThat(sessions().holds(cookie)).isFalse();
    }

    @Test
    void signingOutDeletesTheSessionSoThatItsIdIsWorthNothing() {
        HttpVisitor visitor = HttpVisitor.signedIn(port, User.VIEWER);
        String signedIn = visitor.sessionId();
        visitor.get("/");

        Response signedOut = visitor.post("/logout", Map.of());

        assertThat(signedOut.header("Location")).endsWith("/login?signed-out");
        assertThat(signedOut.sessionCookie()).hasValueSatisfying(cookie -> assertThat(cookie).contains("Max-Age=0"));
        assertThat(sessions().holds(signedIn)).isFalse();
        assertThat(HttpVisitor.withSessionId(port, signedIn).get("/").header("Location")).endsWith("/login");
    }

    @Test
    void theIdleTimeoutIsThirtyMinutesUnlessSessionIdleTimeoutIsSet() throws IOException {
        assertThat(applicationYml().getProperty("server.servlet.session.timeout")).isEqualTo("30m");
    }

    @Test
    void aSignInBeyondSessionMaxPerUserEndsTheUsersLeastRecentlyUsedSession() throws IOException {
        HttpVisitor oldest = HttpVisitor.signedIn(port, User.EDITOR);
        assertThat(oldest.get("/").header("Location")).endsWith("/widgets");
        List<HttpVisitor> newer = java.util.stream.IntStream.range(0, 4)
            .mapToObj(i -> HttpVisitor.signedIn(port, User.EDITOR))
            .toList();

        HttpVisitor sixth = HttpVisitor.signedIn(port, User.EDITOR);

        assertThat(applicationYml().getProperty("session.max-per-user")).isEqualTo("5");
        assertThat(oldest.get("/").header("Location")).as("the oldest, ended by the sixth").isEqualTo("/login");
        assertThat(newer).allSatisfy(visitor -> assertThat(visitor.get("/").header("Location")).endsWith("/widgets"));
        assertThat(sixth.get("/").header("Location")).endsWith("/widgets");
    }

    @Test
    void aRedirectNamesAPathNeverTheHostTheRequestNamed() throws IOException {
        String answer = RawHttp.send(port,
                "GET /accounts HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 302")
            .containsIgnoringCase("\r\nLocation: /login\r\n")
            .doesNotContain("attacker.example");
    }

    private static PropertySourcesPropertyResolver applicationYml() throws IOException {
        MutablePropertySources applicationYml = new MutablePropertySources();
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
            .forEach(applicationYml::addLast);
        return new PropertySourcesPropertyResolver(applicationYml);
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        }
        catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    private SessionTable sessions() {
        return new SessionTable(jdbc);
    }

    private Tomcat tomcat() {
        return ((TomcatWebServer) context.getWebServer()).getTomcat();
    }

}
