package com.turnstileadmin.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.AppOverHttp.User;
import com.turnstileadmin.AppOverHttp;
import com.turnstileadmin.HttpVisitor.Response;
import com.turnstileadmin.HttpVisitor;
import com.turnstileadmin.sandbox.SandboxServer;
import com.turnstileadmin.web.Html;
import com.turnstileadmin.widget.web.WidgetForms;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a visitor who is not signed in leaves behind, over real HTTP: no session row
 * however many requests and however large their headers, and at most the page to go back
 * to after sign-in, a path in a small cookie. A form sent while signed out is never run
 * after the next sign-in, whoever signs in, and a planted path off this site is not
 * followed.
 */
@AppOverHttp
class AnonymousVisitorsTest {

    @LocalServerPort
    int port;

    @Autowired
    SandboxServer sandbox;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFormSentWhileSignedOutIsNeverRunAfterTheNextSignIn() {
        HttpVisitor admin = HttpVisitor.signedIn(port, User.ADMIN);
        String details = createWidget(admin, "Never replayed");
        String secret = secretIn(admin.post(details + "/secret", Map.of()));

        // Someone signed out (or whose session another app on the host replaced) sends
        // the forms, with the
        // sign-in page's valid CSRF token; then an admin signs in in that browser.
        HttpVisitor signedOut = new HttpVisitor(port);
        signedOut.get("/login");
        Response rotate = signedOut.post(details + "/rotate", Map.of("invalidateImmediately", "true"));
        Response delete = signedOut.post(details + "/delete", Map.of("confirmation", "Never replayed"));
        Response signedIn = signedOut.signIn(User.ADMIN);

        assertThat(List.of(rotate, delete)).allSatisfy(sent -> {
            assertThat(sent.header("Location")).as(sent.toString()).isEqualTo("/login");
            assertThat(sent.cookie(ContinueCookie.NAME)).as("a POST is not kept").isEmpty();
        });
        assertThat(signedIn.header("Location")).as("the start page, not the form's address").isEqualTo("/");
        assertThat(signedOut.get(details).status()).as("the widget, not deleted").isEqualTo(200);
        assertThat(secretIn(signedOut.post(details + "/secret", Map.of()))).as("the secret, not rotated")
            .isEqualTo(secret);
    }

    @Test
    void aDeepLinkLeadsBackToItsPageAfterSignInWithNothingAddedToItsAddress() {
        String page = "/accounts/" + sandbox.accountId().value() + "/widgets?q=shop&sort=name";
        HttpVisitor visitor = new HttpVisitor(port);

        Response toSignIn = visitor.get(page);
        Response signedIn = visitor.signIn(User.VIEWER);
        Response back = visitor.get(signedIn.header("Location"));

        assertThat(toSignIn.header("Location")).isEqualTo("/login");
        assertThat(toSignIn.cookie(ContinueCookie.NAME))
            .hasValueSatisfying(cookie -> assertThat(cookie).contains("; HttpOnly", "; Path=/")
                .hasSizeLessThan(ContinueCookie.MAX_LENGTH * 2));
        assertThat(signedIn.header("Location")).as("no stray &continue").isEqualTo(page);
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.cookie(ContinueCookie.NAME)).as("done with, removed")
            .hasValueSatisfying(
                    cookie -> assertThat(cookie).startsWith(ContinueCookie.NAME + "=;").contains("Expires="));
        assertThat(visitor.cookie(ContinueCookie.NAME)).isNull();
    }

    @Test
    void aPlantedPageToGoBackToOffThisSiteIsNotFollowed() {
        for (String planted : List.of("//attacker.example/", "/\\attacker.example/", "https://attacker.example/")) {
            HttpVisitor visitor = new HttpVisitor(port).plantCookie(ContinueCookie.NAME,
                    Base64.getUrlEncoder().encodeToString(planted.getBytes(StandardCharsets.UTF_8)));

            assertThat(visitor.signIn(User.VIEWER).header("Location")).as(planted).isEqualTo("/");
        }
    }

    @Test
    void anonymousRequestsWithLargeHeadersLeaveNoSessionRow() {
        Set<String> before = sessionIds();
        String large = "x".repeat(6 * 1024);
        String deepLink = "/accounts/" + sandbox.accountId().value() + "/widgets";
        for (int i = 0; i < 50; i++) {
            HttpVisitor visitor = new HttpVisitor(port);
            assertThat(visitor.get("/login", "X-Padding", large).status()).isEqualTo(200);
            assertThat(visitor.get(deepLink + "?n=" + i, "X-Padding", large).status()).isEqualTo(302);
            assertThat(visitor.get("/no/such/page", "X-Padding", large).status()).isEqualTo(302);
            assertThat(visitor.post("/login", Map.of("username", "admin", "password", "wrong-" + i), "X-Padding", large)
                .header("Location")).isEqualTo("/login?error");
            assertThat(visitor.get("/login?error", "X-Padding", large).status()).isEqualTo(200);
            assertThat(visitor.post(deepLink, Map.of("name", "x"), "X-Padding", large).status()).isEqualTo(302);
        }
        HttpVisitor longAddress = new HttpVisitor(port);
        Response tooLongToKeep = longAddress.get(deepLink + "?q=" + "a".repeat(3000));

        assertThat(sessionIds()).as("sessions made by anonymous requests").isSubsetOf(before);
        assertThat(tooLongToKeep.status()).isEqualTo(302);
        assertThat(tooLongToKeep.cookie(ContinueCookie.NAME)).as("an address too long to keep").isEmpty();
    }

    private Set<String> sessionIds() {
        return new HashSet<>(jdbc.queryForList("SELECT SESSION_ID FROM SPRING_SESSION", String.class));
    }

    private String createWidget(HttpVisitor admin, String name) {
        String list = "/accounts/" + sandbox.accountId().value() + "/widgets";
        admin.get(list);
        Response created = admin.post(list, WidgetForms.newWidget(name, "replay.example"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.header("Location").substring(created.header("Location").indexOf("/accounts/"));
    }

    private static String secretIn(Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return Html.text(page.body(), "#secret-value");
    }

}
