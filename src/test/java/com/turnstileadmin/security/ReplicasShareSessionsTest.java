package com.turnstileadmin.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.AppOverHttp.User;
import com.turnstileadmin.AppOverHttp;
import com.turnstileadmin.HttpVisitor.Response;
import com.turnstileadmin.HttpVisitor;
import com.turnstileadmin.SessionTable;
import com.turnstileadmin.TurnstileAdminApplication;
import com.turnstileadmin.audit.LocalPostgres;
import com.turnstileadmin.sandbox.SandboxServer;
import com.turnstileadmin.widget.web.WidgetForms;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.session.SessionRepository;

/**
 * Two replicas of the app behind a load balancer behave as one: two instances, each with
 * its own sandbox, on one PostgreSQL ({@link LocalPostgres}, in a schema made for this
 * run and dropped after it), and a visitor whose requests go now to one, now to the
 * other, as a load balancer may send them. A session signed in on one is signed in on the
 * other, a form's CSRF token and a flash message made on one are good on the other,
 * signing out or the idle timeout on one ends it on both, and a single sign-on started on
 * one is completed by the other (a real OIDC provider in the test JVM).
 */
@EnabledIf(value = "com.turnstileadmin.audit.LocalPostgres#reachable",
        disabledReason = "No PostgreSQL answers at 127.0.0.1:5432 (see LocalPostgres)")
class ReplicasShareSessionsTest {

    private static final String ISSUER_ID = "acme";

    private static final String CLIENT_ID = "turnstile-admin";

    private static final String CLIENT_SECRET = "replicas-client-secret";

    private static final Pattern SIGNED_IN_USER = Pattern
        .compile("class=\"signed-in-user\">\\s*<span>([^<]*)</span>\\s*<small class=\"role\">([^<]*)</small>");

    private static String schema;

    private static MockOAuth2Server provider;

    private static Replica a;

    private static Replica b;

    /** The widget list of the sandbox account, which every sandbox has. */
    private static String list;

    /** One instance of the app, and the port it serves. */
    private record Replica(ConfigurableApplicationContext context, int port) {

        static Replica start(String databaseUrl) {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(TurnstileAdminApplication.class).run(
                    "--server.port=0",
                    // Command-line arguments, so that they win over the in-memory H2 that
                    // surefire sets for tests.
                    "--spring.datasource.url=" + databaseUrl, "--spring.datasource.username=" + LocalPostgres.USER,
                    "--spring.datasource.password=", "--oidc.issuer-uri=" + provider.issuerUrl(ISSUER_ID),
                    "--oidc.client-id=" + CLIENT_ID, "--oidc.client-secret=" + CLIENT_SECRET,
                    "--oidc.admin-groups=ta-admins", "--local-sign-in.enabled=true",
                    "--local-sign-in.admin-password=" + User.ADMIN.password,
                    "--local-sign-in.users[0].username=" + User.EDITOR.username,
                    "--local-sign-in.users[0].password-hash={noop}" + User.EDITOR.password,
                    "--local-sign-in.users[0].role=editor",
                    "--SESSION_IDLE_TIMEOUT=" + AppOverHttp.SESSION_IDLE_TIMEOUT_MINUTES + "m");
            return new Replica(context, ((WebServerApplicationContext) context).getWebServer().getPort());
        }
    }

    @BeforeAll
    static void startTwoReplicasOnOneDatabase() {
        schema = LocalPostgres.createSchema();
        provider = new MockOAuth2Server();
        provider.start();
        // One after the other: the first migrates the schema, the second finds it
        // migrated.
        a = Replica.start(LocalPostgres.urlOf(schema));
        b = Replica.start(LocalPostgres.urlOf(schema));
        list = "/accounts/" + a.context().getBean(SandboxServer.class).accountId().value() + "/widgets";
    }

    @AfterAll
    static void stopThem() {
        for (Replica replica : new Replica[] { a, b }) {
            if (replica != null) {
                replica.context().close();
            }
        }
        if (provider != null) {
            provider.shutdown();
        }
        if (schema != null) {
            LocalPostgres.dropSchema(schema);
        }
    }

    @Test
    void aSessionSignedInOnOneReplicaIsSignedInOnTheOtherAsTheSameUserWithTheSameRole() {
        HttpVisitor visitor = new HttpVisitor(b.port());
        assertThat(visitor.get(list).header("Location")).as("signed out, on B").endsWith("/login");

        Response signedIn = visitor.switchTo(a.port()).signIn(User.EDITOR, "/login?local");

        assertThat(signedIn.header("Location")).as("back to the page asked for on B").contains(list);
        assertThat(sessions().principalOf(visitor.sessionId())).isEqualTo(User.EDITOR.username);
        assertThat(signedInUser(visitor.switchTo(b.port()).get(list))).isEqualTo("editor editor role");
        assertThat(signedInUser(visitor.switchTo(a.port()).get(list))).isEqualTo("editor editor role");
    }

    @Test
    void aFormWithTheCsrfTokenOfOneReplicaIsAcceptedByTheOtherAndItsFlashMessageShownByTheFirst() {
        HttpVisitor visitor = new HttpVisitor(a.port());
        visitor.signIn(User.EDITOR, "/login?local");
        visitor.get(list);

        visitor.switchTo(b.port());
        Response created = visitor.post(list, WidgetForms.newWidget("Replicated", "replicas.example"));
        Response forged = visitor.postWithoutCsrf(list, WidgetForms.newWidget("Forged", "replicas.example"));

        assertThat(created.header("Location")).as("the form with A's token, sent to B: on to the new widget")
            .contains(list + "/");
        String details = created.header("Location").substring(created.header("Location").indexOf("/accounts/"));
        assertThat(forged.status()).as("B checks the token").isEqualTo(403);
        // The widget lives in B's sandbox; the flash message its change leaves is for the
        // list, on any replica.
        HttpVisitor admin = new HttpVisitor(b.port());
        admin.signIn(User.ADMIN, "/login?local");
        admin.get(details);
        assertThat(admin
            .post(details + "/delete",
                    Map.of("name", "Replicated", "confirmation", details.substring(details.length() - 6)))
            .header("Location")).endsWith(list);
        assertThat(admin.switchTo(a.port()).get(list).body()).contains("Widget “Replicated” deleted.");
    }

    @Test
    void signingOutOnOneReplicaSignsOutOnTheOther() {
        HttpVisitor visitor = new HttpVisitor(a.port());
        visitor.signIn(User.EDITOR, "/login?local");
        String cookie = visitor.sessionId();
        assertThat(visitor.switchTo(b.port()).get(list).status()).isEqualTo(200);

        Response signedOut = visitor.switchTo(a.port()).post("/logout", Map.of());

        assertThat(signedOut.header("Location")).endsWith("/login?local&signed-out");
        assertThat(sessions().holds(cookie)).isFalse();
        assertThat(HttpVisitor.withSessionId(b.port(), cookie).get(list).header("Location")).endsWith("/login");
    }

    @Test
    void theIdleTimeoutAppliesOnEveryReplica() {
        HttpVisitor visitor = new HttpVisitor(a.port());
        visitor.signIn(User.EDITOR, "/login?local");
        String cookie = visitor.sessionId();
        Duration idleTimeout = Duration.ofMinutes(AppOverHttp.SESSION_IDLE_TIMEOUT_MINUTES);

        // Kept a step longer, as its last-access time is written in steps.
        Duration kept = idleTimeout.plus(CoarseLastAccessSessions.stepFor(idleTimeout));
        assertThat(sessions().idleTimeoutOf(cookie)).isEqualTo(kept);
        sessions().lastRequestAgo(cookie, idleTimeout.minusSeconds(30));
        assertThat(visitor.switchTo(b.port()).get(list).status()).as("just within the idle timeout, on B")
            .isEqualTo(200);
        sessions().lastRequestAgo(cookie, kept.plusSeconds(1));
        assertThat(visitor.get(list).header("Location")).as("just past it, on B").endsWith("/login");
        assertThat(HttpVisitor.withSessionId(a.port(), cookie).get(list).header("Location")).as("and on A")
            .endsWith("/login");
    }

    @Test
    void aSingleSignOnStartedOnOneReplicaIsCompletedByTheOther() throws Exception {
        HttpVisitor visitor = new HttpVisitor(a.port());
        visitor.get(list);
        assertThat(visitor.get("/login").header("Location")).endsWith(SingleSignOn.AUTHORIZATION_START);
        String authorization = visitor.get(SingleSignOn.AUTHORIZATION_START).header("Location");
        String beforeSignIn = visitor.sessionId();
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "ada-subject", "JWT", List.of(CLIENT_ID),
                Map.of("preferred_username", "ada", "groups", List.of("ta-admins")), 3600));

        // The provider sends the browser back with a code; the load balancer hands that
        // request to B.
        URI callback = URI.create(providerRedirect(authorization));
        Response signedIn = visitor.switchTo(b.port()).get(callback.getRawPath() + "?" + callback.getRawQuery());

        assertThat(signedIn.header("Location")).as("signed in on B, back to the page asked for on A").contains(list);
        assertThat(visitor.sessionId()).as("a new session id at sign-in").isNotEqualTo(beforeSignIn);
        assertThat(signedInUser(visitor.get(list))).isEqualTo("ada admin role");
        assertThat(signedInUser(visitor.switchTo(a.port()).get(list))).isEqualTo("ada admin role");
        // What the provider gave B to call it with stays in B's memory; the sessions hold
        // none of it.
        OAuth2AuthorizedClient client = b.context()
            .getBean(OAuth2AuthorizedClientService.class)
            .loadAuthorizedClient(DiscoveredClientRegistration.REGISTRATION_ID, "ada");
        assertThat(client).isNotNull();
        assertThat(sessions().placesHolding(client.getAccessToken().getTokenValue())).isEmpty();
        assertThat(sessions().placesHolding(CLIENT_SECRET)).isEmpty();
    }

    @Test
    void twoRequestsOfOneSessionOnTheTwoReplicasThatAddTheSameAttributeAtOnceBothSucceed() {
        SessionRepository<?> onA = a.context().getBean(SessionRepository.class);
        SessionRepository<?> onB = b.context().getBean(SessionRepository.class);

        SessionStoreConfigurationTest.bothRequestsSucceed(onA, onB);
    }

    /**
     * Where the provider sends the browser after the authorization request: back to the
     * app with a code.
     */
    private static String providerRedirect(String authorization) throws IOException, InterruptedException {
        HttpResponse<Void> redirect = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(authorization)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(redirect.statusCode()).as(authorization).isEqualTo(302);
        return redirect.headers().firstValue("Location").orElseThrow();
    }

    /** The user and role the page's header shows, e.g. {@code editor editor role}. */
    private static String signedInUser(Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        Matcher user = SIGNED_IN_USER.matcher(page.body());
        assertThat(user.find()).as("the signed-in user in the header of " + page).isTrue();
        return user.group(1) + " " + user.group(2);
    }

    private static SessionTable sessions() {
        return new SessionTable(a.context().getBean(JdbcTemplate.class));
    }

}
