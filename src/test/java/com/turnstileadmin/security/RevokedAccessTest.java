package com.turnstileadmin.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.AppOverHttp.User;
import com.turnstileadmin.HttpVisitor;
import com.turnstileadmin.HttpVisitor.Response;
import com.turnstileadmin.SessionTable;
import com.turnstileadmin.TurnstileAdminApplication;
import com.turnstileadmin.sandbox.MutableClock;
import com.turnstileadmin.sandbox.SandboxServer;
import com.turnstileadmin.web.Html;
import com.turnstileadmin.widget.TurnstileWidgets;
import com.turnstileadmin.widget.WidgetQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Taking access away reaches sessions already open. The app runs "before" with one
 * configuration and "after" with another, as after a restart with changed settings (or a
 * replica started with them), both on one H2 database that holds the sessions: a session
 * signed in before is checked by "after" against its own configuration on its next
 * request. "After" runs on a clock the test moves, for the longest lifetime of a session.
 */
class RevokedAccessTest {

    private static final String PASSWORD = "revoked-access-password";

    private static final String NEW_ADMIN_PASSWORD = "the-admins-new-password";

    private static final MutableClock CLOCK = new MutableClock(Instant.now());

    private static ConfigurableApplicationContext before;

    private static ConfigurableApplicationContext after;

    @BeforeAll
    static void startBeforeAndAfterOnOneDatabase() {
        String database = "jdbc:h2:mem:revoked-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        before = start(database, null, User.ADMIN.password, "dana=editor", "erin=editor", "frank=editor");
        // dana is removed, erin demoted, the admin's password changed, frank kept; gina
        // is new.
        after = start(database, CLOCK, NEW_ADMIN_PASSWORD, "erin=viewer", "frank=editor", "gina=editor");
    }

    @AfterAll
    static void stopThem() {
        for (ConfigurableApplicationContext app : new ConfigurableApplicationContext[] { before, after }) {
            if (app != null) {
                app.close();
            }
        }
    }

    @Test
    void aRemovedLocalUserIsSignedOutOnTheirNextRequest() {
        HttpVisitor dana = signedIn(before, "dana", PASSWORD);
        String cookie = dana.sessionId();

        assertThat(dana.switchTo(port(after)).get(list()).header("Location")).endsWith("/login");
        assertThat(sessions().holds(cookie)).as("the stored session is gone").isFalse();
    }

    @Test
    void aChangedPasswordEndsTheSessionsSignedInWithTheOldOne() {
        HttpVisitor admin = signedIn(before, "admin", User.ADMIN.password);

        assertThat(admin.switchTo(port(after)).get(list()).header("Location")).endsWith("/login");
    }

    @Test
    void aDemotedUserLosesTheRightAtOnceOnEveryReplica() {
        HttpVisitor erin = signedIn(before, "erin", PASSWORD);
        String widget = list() + "/" + someSitekey();

        erin.switchTo(port(after)).get(widget);
        Response reveal = erin.post(widget + "/secret", Map.of());

        assertThat(reveal.status()).isEqualTo(403);
        assertThat(erin.get(list()).body()).contains("<small class=\"role\">viewer role</small>");
    }

    @Test
    void aKeptUserStaysSignedInAcrossTheChange() {
        HttpVisitor frank = signedIn(before, "frank", PASSWORD);

        assertThat(frank.switchTo(port(after)).get(list()).status()).isEqualTo(200);
    }

    @Test
    void aSessionOlderThanTheLongestLifetimeIsSignedOutHoweverBusy() {
        HttpVisitor gina = signedIn(after, "gina", PASSWORD);

        CLOCK.advance(Duration.ofHours(12).minusMinutes(1));
        assertThat(gina.get(list()).status()).as("just within 12 hours").isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(2));
        assertThat(gina.get(list()).header("Location")).as("just past them").endsWith("/login");
    }

    @Test
    void anAdminSignsAUserOutEverywhereButNotThemselves() {
        List<HttpVisitor> franks = new ArrayList<>(
                List.of(signedIn(after, "frank", PASSWORD), signedIn(before, "frank", PASSWORD)));
        HttpVisitor admin = signedIn(after, "admin", NEW_ADMIN_PASSWORD);
        HttpVisitor otherAdmin = signedIn(after, "admin", NEW_ADMIN_PASSWORD);
        assertThat(Html.ids(admin.get(list()).body())).contains("sessions-link");
        assertThat(admin.get("/sessions").body()).contains("<td>frank</td>");

        Response signedOut = admin.post("/sessions/sign-out", Map.of("user", "frank"));

        assertThat(signedOut.header("Location")).endsWith("/sessions");
        assertThat(admin.get("/sessions").body()).doesNotContain("<td>frank</td>")
            .contains("“frank” is signed out everywhere");
        for (HttpVisitor frank : franks) {
            assertThat(frank.get(list()).header("Location")).endsWith("/login");
        }
        admin.post("/sessions/sign-out", Map.of("user", "admin"));
        assertThat(admin.get("/sessions").body()).contains("“admin” is signed out everywhere: 1 session ended.");
        assertThat(otherAdmin.get(list()).header("Location")).as("the admin's other session").endsWith("/login");
        assertThat(admin.get(list()).status()).as("the admin's own").isEqualTo(200);
    }

    /**
     * That they are refused (403) is in EveryRouteTest's table; here, that nothing is
     * ended all the same.
     */
    @Test
    void editorsAndViewersAreNotOfferedTheSessionsAndTheirForcedSignOutEndsNothing() {
        HttpVisitor frank = signedIn(after, "frank", PASSWORD);
        for (HttpVisitor user : List.of(signedIn(after, "gina", PASSWORD), signedIn(after, "erin", PASSWORD))) {
            assertThat(Html.ids(user.get(list()).body())).as("no link to the page").doesNotContain("sessions-link");
            user.post("/sessions/sign-out", Map.of("user", "frank"));
        }
        assertThat(frank.get(list()).status()).isEqualTo(200);
    }

    private static ConfigurableApplicationContext start(String database, MutableClock clock, String adminPassword,
            String... users) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                // Command-line arguments, so that they win over the in-memory H2 that
                // surefire sets for tests.
                "--spring.datasource.url=" + database, "--local-sign-in.admin-password=" + adminPassword));
        for (int i = 0; i < users.length; i++) {
            String[] user = users[i].split("=");
            args.add("--local-sign-in.users[" + i + "].username=" + user[0]);
            args.add("--local-sign-in.users[" + i + "].password-hash={noop}" + PASSWORD);
            args.add("--local-sign-in.users[" + i + "].role=" + user[1]);
        }
        SpringApplicationBuilder app = new SpringApplicationBuilder(TurnstileAdminApplication.class);
        if (clock != null) {
            app.initializers(context -> context.getBeanFactory().registerSingleton("clock", (Clock) clock));
        }
        return app.run(args.toArray(String[]::new));
    }

    private static HttpVisitor signedIn(ConfigurableApplicationContext app, String username, String password) {
        HttpVisitor visitor = new HttpVisitor(port(app));
        visitor.get("/login");
        Response signedIn = visitor.post("/login", Map.of("username", username, "password", password));
        assertThat(signedIn.header("Location")).as("sign-in as " + username).doesNotContain("/login");
        return visitor;
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    /** The widget list of the sandbox account, which every sandbox has. */
    private static String list() {
        return "/accounts/" + after.getBean(SandboxServer.class).accountId().value() + "/widgets";
    }

    private static String someSitekey() {
        return after.getBean(TurnstileWidgets.class)
            .list(after.getBean(SandboxServer.class).accountId(), WidgetQuery.firstPage())
            .widgets()
            .get(0)
            .sitekey()
            .value();
    }

    private static SessionTable sessions() {
        return new SessionTable(after.getBean(JdbcTemplate.class));
    }

}
