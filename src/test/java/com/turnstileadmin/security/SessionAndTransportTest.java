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
 * The session cookie and HTTPS, as Tomcat and Spring Security send them over real HTTP: behind a
 * TLS-ending proxy on an internal address (here: loopback) the app knows a request came over HTTPS
 * from {@code X-Forwarded-Proto} and answers with HSTS and a Secure cookie; the session id changes
 * at sign-in; the session ends after the configured idle time, as Spring Session keeps it in the
 * database, and at sign-out.
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
    void overHttpsBehindATrustedProxyTheAnswerHasHstsAndTheSessionCookieIsSecure() {
        Response response = new HttpVisitor(port).get("/login", FROM_HTTPS_PROXY, "https");

        assertThat(response.header("Strict-Transport-Security")).startsWith("max-age=31536000");
        assertThat(response.sessionCookie()).hasValueSatisfying(cookie -> assertThat(cookie).contains("; Secure"));
    }

    @Test
    void overPlainHttpThereIsNoHstsAndTheSessionCookieIsNotSecure() {
        Response response = new HttpVisitor(port).get("/login");

        assertThat(response.headers("Strict-Transport-Security")).isEmpty();
        assertThat(response.sessionCookie()).hasValueSatisfying(cookie -> assertThat(cookie).doesNotContain("Secure"));
    }

    @Test
    void forwardedHeadersAreTrustedFromInternalAddressesOnly() {
        RemoteIpValve valve = Arrays.stream(tomcat().getEngine().getPipeline().getValves())
                .filter(RemoteIpValve.class::isInstance).map(RemoteIpValve.class::cast).findFirst().orElseThrow();
        // Tomcat reads the setting as CIDR blocks (Boot's default) the same way.
        List<NetMask> trusted = Arrays.stream(valve.getInternalProxies().split(","))
                .map(block -> new NetMask(block.strip())).toList();
        Predicate<String> isTrusted = address -> trusted.stream().anyMatch(mask -> mask.matches(ip(address)));

        assertThat(valve.getProtocolHeader()).isEqualToIgnoringCase(FROM_HTTPS_PROXY);
        assertThat(List.of("127.0.0.1", "::1", "10.0.3.7", "172.20.0.2", "192.168.1.10")).allMatch(isTrusted);
        assertThat(List.of("203.0.113.7", "8.8.8.8", "172.32.0.1", "2001:db8::1")).noneMatch(isTrusted);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        Response response = HttpVisitor.withSessionId(port, "none").signIn(User.VIEWER);

        assertThat(response.sessionCookie()).hasValueSatisfying(cookie -> assertThat(cookie)
                .contains("; HttpOnly").containsIgnoringCase("; SameSite=Lax").contains("; Path=/"));
    }

    @Test
    void signingInGivesANewSessionIdSoThatOneKnownBeforehandIsWorthNothing() {
        HttpVisitor visitor = new HttpVisitor(port);
        visitor.get("/login");
        String beforeSignIn = visitor.sessionId();

        visitor.signIn(User.ADMIN);

        assertThat(beforeSignIn).isNotNull();
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

        assertThat(sessions().idleTimeoutOf(cookie)).isEqualTo(idleTimeout);
        sessions().lastRequestAgo(cookie, idleTimeout.minusSeconds(30));
        assertThat(visitor.get("/").header("Location")).as("just within the idle timeout").endsWith("/widgets");
        sessions().lastRequestAgo(cookie, idleTimeout.plusSeconds(1));
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
        MutablePropertySources applicationYml = new MutablePropertySources();
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(applicationYml::addLast);

        assertThat(new PropertySourcesPropertyResolver(applicationYml).getProperty("server.servlet.session.timeout"))
                .isEqualTo("30m");
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
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
