package com.turnstileadmin;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.AppOverHttp.User;
import com.turnstileadmin.HttpVisitor.Response;
import com.turnstileadmin.sandbox.SandboxServer;
import com.turnstileadmin.widget.web.WidgetForms;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * No secret reaches the session store, where every replica reads it and a backup of the
 * database keeps it: an admin reveals and rotates a widget's secret through the running
 * app, with and without htmx, and after each step every column of every session row is
 * searched for each secret seen so far and for the users' passwords. A revealed or
 * rotated secret is rendered into the answer, never passed on through a flash or session
 * attribute; the flash messages the changes leave are searched for too, to show that the
 * search reaches them. Nor is a password typed in a failed sign-in, with or without a
 * session already there, nor a header of a request made before signing in (its
 * {@code Authorization}, another app's cookies).
 */
@AppOverHttp
class SessionsHoldNoSecretTest {

    private static final Pattern SECRET = Pattern.compile("id=\"(?:secret-value|new-secret)\">([^<]+)<");

    private static final String NAME = "Session secrets";

    private static final String[] HTMX = { "HX-Request", "true" };

    @LocalServerPort
    int port;

    @Autowired
    SandboxServer sandbox;

    @Autowired
    JdbcTemplate jdbc;

    private final List<String> secrets = new ArrayList<>(
            Arrays.stream(User.values()).map(user -> user.password).toList());

    @Test
    void noSecretRevealedOrRotatedIsInAnySessionRow() {
        HttpVisitor admin = HttpVisitor.signedIn(port, User.ADMIN);
        String list = "/accounts/" + sandbox.accountId().value() + "/widgets";
        admin.get(list);
        Response created = admin.post(list, WidgetForms.newWidget(NAME, "sessions.example"));
        String details = created.header("Location").substring(created.header("Location").indexOf("/accounts/"));
        assertThat(created.status()).as("the new widget's keys, on the create's own answer").isEqualTo(201);
        assertNoSecretInTheSessions("after the create, whose answer shows the secret");
        admin.get(details);

        secrets.add(secretIn(admin.post(details + "/secret", Map.of())));
        assertNoSecretInTheSessions("after a reveal");
        secrets.add(secretIn(admin.post(details + "/secret", Map.of(), HTMX)));
        assertNoSecretInTheSessions("after a reveal with htmx");
        secrets.add(secretIn(admin.post(details + "/rotate",
                Map.of("invalidateImmediately", "true", "confirmation", details.substring(details.length() - 6)))));
        assertNoSecretInTheSessions("after a rotation");
        secrets.add(secretIn(admin.post(details + "/rotate", Map.of("invalidateImmediately", "false"), HTMX)));
        assertNoSecretInTheSessions("after a rotation with htmx");
        Response deleted = admin.post(details + "/delete",
                Map.of("name", NAME, "confirmation", details.substring(details.length() - 6)));
        assertThat(deleted.status()).isEqualTo(302);
        assertNoSecretInTheSessions("after the delete's redirect");

        assertThat(secrets.subList(User.values().length, secrets.size()))
            .as("the first secret twice, then the two rotations'")
            .hasSize(4)
            .allSatisfy(secret -> assertThat(secret).hasSizeGreaterThan(20));
        assertThat(secrets.subList(User.values().length + 1, secrets.size())).doesNotHaveDuplicates();
        assertThat(sessions().placesHolding("widget.flash.deleted")).as("the delete's flash, by its message key")
            .isNotEmpty();
    }

    @Test
    void noFailedSignInsPasswordNorAnyHeaderOfARequestBeforeSignInIsInAnySessionRow() {
        String typedWrong = "typed-wrong-password-4711";
        String bearer = "bearer-token-of-another-app-0815";
        String otherAppsCookie = "cookie-of-another-app-2342";
        HttpVisitor visitor = new HttpVisitor(port).plantCookie("OTHER_APP_SESSION", otherAppsCookie);
        String deepLink = "/accounts/" + sandbox.accountId().value() + "/widgets?q=deep";

        assertThat(visitor.get(deepLink, "Authorization", "Bearer " + bearer).header("Location")).isEqualTo("/login");
        Response failed = visitor.post("/login", Map.of("username", User.ADMIN.username, "password", typedWrong));
        Response failurePage = visitor.get(failed.header("Location"));
        Response signedIn = visitor.signIn(User.ADMIN);
        // Once more with a session there: a signed-in user sending the form again with a
        // wrong password.
        visitor.get("/login");
        Response failedInASession = visitor.post("/login",
                Map.of("username", User.ADMIN.username, "password", typedWrong));

        assertThat(sessions().placesHolding(User.ADMIN.username)).as("the search reaches the signed-in session")
            .isNotEmpty();
        for (String secret : List.of(typedWrong, bearer, otherAppsCookie)) {
            assertThat(sessions().placesHolding(secret)).as("the session values holding " + secret).isEmpty();
        }
        assertThat(failed.header("Location")).isEqualTo("/login?error");
        assertThat(failurePage.body()).contains("That user name and password do not match.");
        assertThat(signedIn.header("Location")).isEqualTo(deepLink);
        assertThat(failedInASession.header("Location")).isEqualTo("/login?error");
    }

    private void assertNoSecretInTheSessions(String when) {
        assertThat(secrets).allSatisfy(secret -> assertThat(sessions().placesHolding(secret))
            .as("the session values holding a secret, " + when)
            .isEmpty());
    }

    private static String secretIn(Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        Matcher secret = SECRET.matcher(page.body());
        assertThat(secret.find()).as("a secret on the page").isTrue();
        return secret.group(1);
    }

    private SessionTable sessions() {
        return new SessionTable(jdbc);
    }

}
