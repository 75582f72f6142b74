package com.turnstileadmin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Signing in and out through the OIDC provider, with the role each user's groups give.
 */
class SingleSignOnJourneyTest extends SingleSignOnJourney {

    private static final String AUTHORIZE = "/" + ISSUER_ID + "/authorize";

    private static final String TOKEN = "/" + ISSUER_ID + "/token";

    private static final String END_SESSION = "/" + ISSUER_ID + "/endsession";

    @Test
    void anAdminIsSentToTheProviderSignsInThereWithPkceAndComesBackToTheListAsAdmin(Page page) throws Exception {
        double signedIn = signIns("oidc", "success");
        page.navigate(listUrl() + "?size=10");
        signInAtProvider(page, "ada-subject",
                "{\"preferred_username\": \"ada\", \"email\": \"ada@example.com\", \"groups\": [\"marketing\", \"ta-admins\"]}");

        assertThat(page).hasURL(Pattern.compile("/widgets\\?size=10$"));
        assertThat(page.locator(".signed-in-user > span")).hasText("ada");
        assertThat(page.locator(".signed-in-user .role")).hasText("admin role");
        assertThat(page.locator("#new-widget")).isVisible();
        Assertions.assertThat(signIns("oidc", "success") - signedIn).isEqualTo(1);

        List<RecordedRequest> requests = providerRequests();
        HttpUrl authorization = Assertions.assertThat(to(requests, AUTHORIZE)).first().actual().getRequestUrl();
        Assertions.assertThat(authorization.queryParameter("client_id")).isEqualTo("turnstile-admin");
        Assertions.assertThat(authorization.queryParameter("code_challenge_method")).isEqualTo("S256");
        String challenge = authorization.queryParameter("code_challenge");
        RecordedRequest token = Assertions.assertThat(to(requests, TOKEN)).singleElement().actual();
        HttpUrl form = HttpUrl.parse("http://form/?" + token.getBody().readUtf8());
        // The provider only issues tokens for the verifier whose hash the authorization
        // request carried.
        Assertions.assertThat(s256(form.queryParameter("code_verifier"))).isEqualTo(challenge);
        Assertions.assertThat(token.getHeader("Authorization")).startsWith("Basic ");
        Assertions.assertThat(form.queryParameter("client_secret")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|',
            value = { "editor | [\"ta-editors\", \"marketing\"] | 1", "viewer | [\"staff\"]                     | 0" })
    void editorsAndViewersGetTheRoleTheirGroupsGive(String role, String groups, int newWidgetButtons, Page page) {
        signIn(page, role + "-subject", "{\"preferred_username\": \"" + role + "-user\", \"groups\": " + groups + "}");

        assertThat(page.locator(".signed-in-user > span")).hasText(role + "-user");
        assertThat(page.locator(".signed-in-user .role")).hasText(role + " role");
        assertThat(page.locator("#new-widget")).hasCount(newWidgetButtons);
    }

    @Test
    void aUserInNoConfiguredGroupIsToldWhoTheyAreAndWhomToAskOnEveryPageAndMaySignOut(Page page) {
        double withoutRole = signIns("oidc", "no_role");
        page.navigate(listUrl());
        signInAtProvider(page, "nora-subject", "{\"email\": \"nora@example.com\", \"groups\": [\"marketing\"]}");

        assertThat(page).hasURL(url("/no-access"));
        Assertions.assertThat(signIns("oidc", "no_role") - withoutRole).isEqualTo(1);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
            .hasText("You have no access to Turnstile Admin");
        // No preferred_username: the e-mail address names her.
        assertThat(page.locator("#signed-in-as")).containsText("You are signed in as nora@example.com");
        assertThat(page.locator("#access-groups")).containsText("admin: ta-admins");
        assertThat(page.locator("#access-groups")).containsText("viewer: ta-viewers, staff");
        assertThat(page.locator("#whom-to-ask")).containsText("Ask the platform team");
        assertThat(page.locator(".signed-in-user .role")).hasCount(0);

        for (String elsewhere : List.of("/", listUrl().substring(url("").length()), "/login")) {
            page.navigate(url(elsewhere));
            if (!elsewhere.equals("/login")) {
                assertThat(page).hasURL(url("/no-access"));
            }
        }

        page.navigate(url("/no-access"));
        page.locator("#no-access-sign-out").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
            .hasText("You are signed out");
    }

    @Test
    void signingOutEndsTheSessionAtTheProviderTooAndStaysOnTheSignedOutPage(Page page) {
        signIn(page, "ada-subject", "{\"preferred_username\": \"ada\", \"groups\": [\"ta-admins\"]}");
        providerRequests();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

        assertThat(page).hasURL(url("/login?signed-out"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
            .hasText("You are signed out");
        assertThat(page.locator("#sign-in-message"))
            .hasText("You are signed out of Turnstile Admin and of your sign-in provider.");
        page.waitForTimeout(300);
        assertThat(page).hasURL(url("/login?signed-out"));
        List<RecordedRequest> requests = providerRequests();
        HttpUrl endSession = Assertions.assertThat(to(requests, END_SESSION)).singleElement().actual().getRequestUrl();
        Assertions.assertThat(endSession.queryParameter("post_logout_redirect_uri"))
            .isEqualTo(url("/login?signed-out"));
        Assertions.assertThat(endSession.queryParameter("id_token_hint")).isNotBlank();
        Assertions.assertThat(to(requests, AUTHORIZE)).as("sent back to the provider by itself").isEmpty();

        // The app's session is gone: the list sends the browser to the provider again.
        page.navigate(listUrl());
        assertThat(page).hasURL(providerLoginPage());
    }

    @Test
    void aSignInDeclinedAtTheProviderShowsAPageToTryAgainRatherThanALoop(Page page) {
        double failed = signIns("oidc", "failure");
        page.navigate(url("/"));
        assertThat(page).hasURL(providerLoginPage());
        HttpUrl authorization = HttpUrl.parse(page.url());

        // What the provider does when the user declines: back to the app with an error
        // instead of a code.
        page.navigate(authorization.queryParameter("redirect_uri") + "?error=access_denied&state="
                + authorization.queryParameter("state"));

        assertThat(page).hasURL(url("/login?error"));
        Assertions.assertThat(signIns("oidc", "failure") - failed).isEqualTo(1);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
            .hasText("Sign-in did not work");
        page.waitForTimeout(300);
        assertThat(page).hasURL(url("/login?error"));

        page.locator("#sign-in-again").click();
        signInAtProvider(page, "ada-subject", "{\"preferred_username\": \"ada\", \"groups\": [\"ta-admins\"]}");
        assertThat(page.locator(".signed-in-user > span")).hasText("ada");
    }

    @Test
    void theBreakGlassFormSignsInLocallyWhenEnabledAndSigningOutLeadsBackToIt(Page page) {
        page.navigate(url("/login?local"));
        page.locator("#username").fill("admin");
        page.locator("#password").fill(BREAK_GLASS_PASSWORD);
        page.locator("#sign-in").click();

        assertThat(page.locator(".signed-in-user .role")).hasText("admin role");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page).hasURL(url("/login?local&signed-out"));
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("You are signed out.");
        Assertions.assertThat(to(providerRequests(), END_SESSION)).isEmpty();
    }

    private static String s256(String verifier) throws NoSuchAlgorithmException {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }

}
