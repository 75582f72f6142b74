package com.turnstileadmin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
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
        assertThat(page.locator(".signed-in-user .role")).hasText("editor");

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
}
