package com.turnstileadmin.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.AppOverHttp;
import com.turnstileadmin.AppOverHttp.User;
import com.turnstileadmin.HttpVisitor;
import com.turnstileadmin.HttpVisitor.Response;
import com.turnstileadmin.LogCapture;
import com.turnstileadmin.sandbox.SandboxServer;
import com.turnstileadmin.web.Html;
import com.turnstileadmin.widget.TurnstileWidgets;
import com.turnstileadmin.widget.WidgetQuery;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests that change something and were not sent by the app's own page, over real HTTP:
 * a CSRF token that is not one, a token in the address instead of the form, a form from
 * another origin or site. Each is refused with the 403 page; none reaches Cloudflare, and
 * none leaves a stack trace in the log.
 */
@AppOverHttp
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForgedRequestsTest {

    /**
     * The app's error page (error.html); for a refused token it says the page was out of
     * date (ErrorViews).
     */
    private static final String ERROR_PAGE = "error-alert";

    @LocalServerPort
    int port;

    @Autowired
    SandboxServer sandbox;

    @Autowired
    TurnstileWidgets cloudflare;

    private String secret;

    @BeforeAll
    void findAWidget() {
        String list = "/accounts/" + sandbox.accountId().value() + "/widgets";
        secret = list + "/" + cloudflare.list(sandbox.accountId(), WidgetQuery.firstPage()).widgets().get(0).sitekey()
                + "/secret";
    }

    @Test
    void aTamperedCsrfTokenOfTheRightLengthIsRefusedWith403AndNoStackTrace() {
        HttpVisitor admin = HttpVisitor.signedIn(port, User.ADMIN);
        String token = tokenOf(admin.get(secret.replace("/secret", "")));
        String tampered = notUtf8(token);
        long calls = sandbox.requestCount();

        Response refused;
        Response anonymous;
        try (LogCapture log = LogCapture.atDebug()) {
            refused = admin.postWithoutCsrf(secret, Map.of("_csrf", tampered));
            anonymous = new HttpVisitor(port).postWithoutCsrf("/login",
                    Map.of("username", "admin", "password", "x", "_csrf", tampered));
            assertThat(log.lines()).as("log lines with a stack trace")
                .noneMatch(line -> line.contains("\tat ") || line.contains("IllegalArgumentException"));
        }

        assertThat(tampered).hasSameSizeAs(token).isNotEqualTo(token);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(Html.ids(refused.body())).contains(ERROR_PAGE);
        assertThat(refused.body()).doesNotContain("Exception");
        assertThat(anonymous.status()).as("signed out: to sign-in, as for any token not of this session")
            .isEqualTo(302);
        assertThat(anonymous.header("Location")).isEqualTo("/login");
        assertThat(sandbox.requestCount()).isEqualTo(calls);
    }

    @Test
    void theCsrfTokenCountsFromTheFormOrItsHeaderButNotFromTheAddress() {
        HttpVisitor admin = HttpVisitor.signedIn(port, User.ADMIN);
        String token = tokenOf(admin.get(secret.replace("/secret", "")));

        Response inTheAddress = admin.postWithoutCsrf(secret + "?_csrf=" + token, Map.of());
        Response inTheForm = admin.postWithoutCsrf(secret, Map.of("_csrf", token));
        Response inTheHeader = admin.postWithoutCsrf(secret, Map.of(), "X-CSRF-TOKEN", token);

        assertThat(inTheAddress.status()).isEqualTo(403);
        assertThat(Html.ids(inTheAddress.body())).contains(ERROR_PAGE);
        assertThat(inTheForm.status()).isEqualTo(200);
        assertThat(inTheHeader.status()).isEqualTo(200);
    }

    @Test
    void aFormFromAnotherOriginOrSiteIsRefusedEvenWithAValidToken() {
        HttpVisitor admin = HttpVisitor.signedIn(port, User.ADMIN);
        admin.get(secret.replace("/secret", ""));
        String own = "http://127.0.0.1:" + port;
        long calls = sandbox.requestCount();

        assertThat(admin.post(secret, Map.of(), "Origin", "http://127.0.0.1:" + (port + 1)).status())
            .as("another port of the same host")
            .isEqualTo(403);
        assertThat(admin.post(secret, Map.of(), "Origin", "https://attacker.example").status()).isEqualTo(403);
        assertThat(admin.post(secret, Map.of(), "Origin", "null").status()).isEqualTo(403);
        assertThat(admin.post(secret, Map.of(), "Sec-Fetch-Site", "cross-site").status()).isEqualTo(403);
        Response sameSite = admin.post(secret, Map.of(), "Sec-Fetch-Site", "same-site");
        assertThat(sameSite.status()).isEqualTo(403);
        assertThat(Html.ids(sameSite.body())).contains(ERROR_PAGE);
        assertThat(sandbox.requestCount()).as("no call reached Cloudflare").isEqualTo(calls);

        assertThat(admin.post(secret, Map.of(), "Origin", own, "Sec-Fetch-Site", "same-origin").status())
            .as("the app's own page")
            .isEqualTo(200);
        assertThat(admin.post(secret, Map.of()).status()).as("no such headers: left to the CSRF token").isEqualTo(200);
    }

    private static String tokenOf(Response page) {
        return Html.first(page.body(), "meta[name=_csrf]").attr("content");
    }

    /**
     * A token of the same length whose unmasked bytes are no UTF-8: zero mask bytes, then
     * 0xFF bytes.
     */
    private static String notUtf8(String token) {
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        Arrays.fill(bytes, 0, bytes.length / 2, (byte) 0);
        Arrays.fill(bytes, bytes.length / 2, bytes.length, (byte) 0xFF);
        return Base64.getUrlEncoder().encodeToString(bytes);
    }

}
