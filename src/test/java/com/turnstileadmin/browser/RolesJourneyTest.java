package com.turnstileadmin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.turnstileadmin.AppOverHttp.User;
import com.turnstileadmin.widget.Sitekey;
import java.util.List;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** Signing in and out, and what each role sees and may reach. */
class RolesJourneyTest extends Journey {

    @Test
    void signingInLandsOnTheListWithTheSandboxBannerAndWhoIsSignedInAndSigningOutEndsTheSession(Page page) {
        page.navigate(url("/"));
        assertThat(page).hasURL(Pattern.compile("/login$"));

        submitSignIn(page, User.EDITOR);

        assertThat(page).hasURL(listUrl());
        assertThat(page.locator(".sandbox-banner")).containsText("Sandbox — not connected to Cloudflare.");
        assertThat(page.locator(".signed-in-user > span")).hasText("editor");
        assertThat(page.locator(".signed-in-user .role")).hasText("editor role");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

        assertThat(page).hasURL(Pattern.compile("/login\\?signed-out$"));
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("You are signed out.");
        page.navigate(listUrl());
        assertThat(page).hasURL(Pattern.compile("/login$"));
    }

    @Test
    void aViewerSeesNoSecretAndNoChangingButtonsAndIsRefusedTheirPages(Page page) {
        Sitekey sitekey = newWidget("Viewer").widget().sitekey();
        signIn(page, User.VIEWER);

        assertThat(page.locator("#new-widget")).hasCount(0);
        page.navigate(detailsUrl(sitekey));
        assertThat(page.locator("#sitekey")).hasText(sitekey.value());
        assertThat(page.locator("#secret")).containsText("Only editors and admins can see the secret.");
        for (String absent : List.of("#reveal-secret", "#edit-widget", "#rotate-secret", "#delete-widget",
                "#rotate-dialog", "#delete-dialog")) {
            assertThat(page.locator(absent)).hasCount(0);
        }

        for (String forced : List.of(detailsUrl(sitekey) + "/edit", detailsUrl(sitekey) + "/rotate",
                detailsUrl(sitekey) + "/delete", listUrl() + "/new")) {
            Response response = page.navigate(forced);
            Assertions.assertThat(response.status()).as(forced).isEqualTo(403);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("You may not do that");
        }
    }

    @Test
    void aRefusedHtmxRequestShowsTheForbiddenMessageInTheFlashArea(Page page) {
        Sitekey sitekey = newWidget("Forced reveal").widget().sitekey();
        signIn(page, User.VIEWER);
        page.navigate(detailsUrl(sitekey));

        // What a viewer's browser would send if the page still had the button: htmx, with
        // the CSRF token.
        page.evaluate("url => htmx.ajax('POST', url, {target: '#secret'})", detailsUrl(sitekey) + "/secret");

        assertThat(page.locator("#flash .error-alert h1")).hasText("You may not do that");
        assertThat(page.locator("#secret")).containsText("Only editors and admins can see the secret.");
    }

    @Test
    void everyPageAndAssetComesFromTheAppUnderAStrictContentSecurityPolicy(Page page) {
        Response signInPage = page.navigate(url("/login"));

        Assertions.assertThat(signInPage.headerValue("content-security-policy"))
            .contains("default-src 'self'", "frame-ancestors 'none'")
            .doesNotContain("unsafe");
        for (String asset : List.of("/assets/css/app.css", "/assets/js/app.js", "/assets/favicon.svg",
                "/webjars/htmx.org/dist/htmx.min.js", "/webjars/picocss__pico/css/pico.min.css")) {
            Assertions.assertThat(page.request().get(url(asset)).status()).as(asset).isEqualTo(200);
        }
        Assertions.assertThat(page.locator("script[src], link[rel=stylesheet]")
            .evaluateAll("elements => elements.map(e => e.src || e.href).filter(u => !u.startsWith(location.origin))"))
            .asList()
            .isEmpty();
        Assertions.assertThat(page.locator("script:not([src])").count()).as("inline scripts").isZero();
    }

    @Test
    void aFormFromAnEarlierSignInIsRefusedAsOutOfDateNotAsAMissingRole(Page page) {
        signIn(page, User.EDITOR);
        page.navigate(listUrl() + "/new");
        page.locator("#name").fill("Journey stale form");
        page.locator("#domains").fill("stale.example.com");
        // What an old tab holds after its session ended and a new one began: another
        // session's token.
        page.evaluate(
                "() => document.querySelector('#widget-form input[name=_csrf]').value = 'from-an-earlier-session'");

        Response refused = page.waitForNavigation(() -> page.locator("#save-widget").click());

        Assertions.assertThat(refused.status()).isEqualTo(403);
        assertThat(page.locator("h1")).hasText("This page was out of date");
        assertThat(page.locator("#error-alert")).not().containsText("role");
    }

}
