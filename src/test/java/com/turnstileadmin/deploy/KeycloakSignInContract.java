package com.turnstileadmin.deploy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.turnstileadmin.browser.InBrowser;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@code docker compose up} promises, signed into in real Chromium: the app, started
 * as its image starts it and configured as the compose file configures it, signs each
 * demo user of the compose realm in through Keycloak with the role of their group, shows
 * the user without a group the no-access page, and signing out ends the session at
 * Keycloak too. The app reaches Keycloak at another address than the browser does, as in
 * Compose. Run against Keycloak's distribution on this machine
 * ({@link LocalKeycloakSignInIT}) and against its image
 * ({@link KeycloakContainerSignInIT}); each runner starts Keycloak and the app once for
 * all these tests.
 */
@InBrowser
abstract class KeycloakSignInContract {

    /**
     * The compose services on this machine, and the app among them: each runner's
     * {@code @BeforeAll} starts them.
     */
    static ComposeOnThisMachine compose;
    static ImageApp app;

    /**
     * Starts the app as its image runs it, configured as the compose file configures it,
     * on free ports; the runner starts Keycloak meanwhile, then waits for the app with
     * {@link ImageApp#awaitHealthy()}.
     */
    static void startTheApp(Path jdk) {
        compose = new ComposeOnThisMachine(ServerProcess.freePort(), ServerProcess.freePort());
        app = new ImageApp(jdk, compose.appPort(), compose.appEnvironment());
    }

    /** After the runner's own {@code @AfterAll}. */
    @AfterAll
    static void stopTheApp() {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    /**
     * The demo users, their passwords (README: demo only) and the roles their groups
     * give.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({ "viewer, viewer-demo, 0", "editor, editor-demo, 1", "admin, admin-demo, 1" })
    void eachDemoUserSignsInThroughKeycloakWithTheRoleOfTheirGroup(String user, String password, int newWidgetButtons,
            Page page) {
        signIn(page, user, password);

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Widgets").setExact(true)))
            .isVisible();
        assertThat(page.locator(".signed-in-user > span")).hasText(user);
        assertThat(page.locator(".signed-in-user .role")).hasText(user + " role");
        assertThat(page.locator("#new-widget")).hasCount(newWidgetButtons);
        Assertions.assertThat(app.log())
            .as("the discovery document was read where the app reaches Keycloak")
            .contains("Single sign-on: discovered the provider " + compose.keycloakUrl() + "/realms/turnstile"
                    + " (discovery document at http://127.0.0.1:" + compose.keycloakPort() + "/realms/turnstile/");
    }

    @Test
    void theDemoUserInNoGroupIsSignedInToTheNoAccessPage(Page page) {
        signIn(page, "nobody", "nobody-demo");

        assertThat(page).hasURL(compose.appUrl() + "/no-access");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
            .hasText("You have no access to Turnstile Admin");
        assertThat(page.locator("#signed-in-as")).containsText("You are signed in as nobody");
        assertThat(page.locator("#access-groups")).containsText("admin: turnstile-admins");
    }

    @Test
    void signingOutEndsTheSessionAtKeycloakToo(Page page) {
        signIn(page, "admin", "admin-demo");
        assertThat(page.locator(".signed-in-user .role")).hasText("admin role");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

        assertThat(page).hasURL(compose.appUrl() + "/login?signed-out");
        assertThat(page.locator("#sign-in-message"))
            .hasText("You are signed out of Turnstile Admin and of your sign-in provider.");
        // Had Keycloak kept its session, it would send the browser straight back signed
        // in.
        page.navigate(compose.appUrl() + "/");
        assertThat(page).hasURL(keycloakSignInPage());
        assertThat(page.locator("#username")).isVisible();
    }

    /**
     * The Dockerfile's HEALTHCHECK command passes against the running app, and fails
     * where no app listens.
     */
    @Test
    void theImagesHealthcheckPassesOnlyWhereTheAppAnswers() {
        Assertions.assertThat(app.healthcheck(app.port())).isZero();
        Assertions.assertThat(app.healthcheck(ServerProcess.freePort())).isNotZero();
        // Something that answers, but not with the liveness 200: the Keycloak port.
        Assertions.assertThat(app.healthcheck(compose.keycloakPort())).isNotZero();
    }

    /**
     * Opens the app, is sent to Keycloak's sign-in page and signs in there. Waits longer
     * than the browser tests' 10 s: a sign-in is three servers' round trips, and a
     * Keycloak just started answers its first ones slowly on a busy machine.
     */
    private void signIn(Page page, String user, String password) {
        page.setDefaultTimeout(30_000);
        page.setDefaultNavigationTimeout(30_000);
        page.navigate(compose.appUrl() + "/");
        assertThat(page).hasURL(keycloakSignInPage());
        page.locator("#username").fill(user);
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith(compose.appUrl()));
        page.waitForLoadState();
    }

    /** Keycloak's sign-in page at the browsers' address, whatever the query. */
    private Pattern keycloakSignInPage() {
        return Pattern.compile(
                "^" + compose.keycloakUrl().replace(".", "\\.") + "/realms/turnstile/protocol/openid-connect/auth\\?");
    }

}
