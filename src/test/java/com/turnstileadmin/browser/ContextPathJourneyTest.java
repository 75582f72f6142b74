package com.turnstileadmin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.turnstileadmin.account.CloudflareAccounts;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole journey with the app served under a context path
 * ({@code server.servlet.context-path=/admin}, as behind a reverse proxy that gives it a
 * path of its own): signing in both ways, the list, a widget's life from its creation to
 * its deletion, the audit trail, the sessions and signing out. Every page the browser is
 * on, and every request it makes to the app, is under {@code /admin}, and none is
 * answered 404.
 */
@TestPropertySource(properties = "server.servlet.context-path=" + ContextPathJourneyTest.CONTEXT)
class ContextPathJourneyTest extends SingleSignOnJourney {

    static final String CONTEXT = "/admin";

    @Autowired
    private CloudflareAccounts accounts;

    /** What the app was asked for outside the context path, or answered with 404. */
    private final List<String> strayRequests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void recordStrayRequests(Page page) {
        page.onResponse(response -> {
            String address = response.url();
            if (address.startsWith(url("/")) && (!address.startsWith(admin("/")) || response.status() == 404)) {
                strayRequests.add(response.status() + " " + address);
            }
        });
    }

    @Test
    void anAdminGoesThroughAWidgetsWholeLifeUnderTheContextPath(Page page) {
        page.navigate(admin("/login?local"));
        signInLocally(page);
        awaitUnderContext(page, listPath());
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Widgets").setExact(true)))
            .isVisible();

        // Create: the form, its per-field check (htmx), and the page of keys.
        page.locator("#new-widget").click();
        awaitUnderContext(page, listPath() + "/new");
        page.locator("#name").fill("Under admin");
        page.locator("#name").press("Tab");
        page.locator("#name").fill("");
        page.locator("#name").press("Tab");
        assertThat(page.locator("#name-message")).hasText("Give the widget a name.");
        page.locator("#name").fill("Under admin");
        page.locator("#domains").fill("admin.example.com");
        page.locator("#save-widget").click();
        assertThat(page.locator("#created-heading")).hasText("Widget “Under admin” created");
        assertThat(page.locator("#created-secret")).not().isEmpty();
        String sitekey = page.locator("#created-sitekey").textContent();
        String details = listPath() + "/" + sitekey;

        page.locator("#open-created").click();
        awaitUnderContext(page, details);
        // The admin's history panel, loaded with htmx from under the context path.
        assertThat(page.locator("#widget-history-entries")).containsText("Under admin");

        // Edit.
        page.locator("#edit-widget").click();
        awaitUnderContext(page, details + "/edit");
        page.locator("#name").fill("Under admin, edited");
        page.locator("#save-widget").click();
        awaitUnderContext(page, details);
        assertThat(flash(page)).containsText("saved");

        // Reveal the secret (htmx).
        page.locator("#reveal-secret").click();
        assertThat(page.locator("#secret-value")).not().isEmpty();

        // Rotate, in the dialog (htmx), then back to the page, which shows the grace
        // period.
        page.locator("#rotate-secret").click();
        assertThat(page.locator("#rotate-dialog")).isVisible();
        page.locator("#confirm-rotate").click();
        assertThat(page.locator("#new-secret")).not().isEmpty();
        page.locator("#rotate-done").click();
        awaitUnderContext(page, details);
        assertThat(page.locator("#grace-period time")).hasText(Pattern.compile("\\d{2}:\\d{2} UTC"));

        // Delete, in the dialog: back to the list.
        page.locator("#delete-widget").click();
        page.locator("#delete-confirmation").fill(sitekey.substring(sitekey.length() - 6));
        page.locator("#confirm-delete").click();
        awaitUnderContext(page, listPath());
        assertThat(flash(page)).containsText("deleted");

        // The audit trail has all of it.
        page.locator("#audit-link").click();
        awaitUnderContext(page, "/accounts/" + accountId() + "/audit");
        Locator entries = page.locator("#results tbody tr");
        assertThat(entries.filter(new Locator.FilterOptions().setHasText(sitekey))).hasCount(5);

        page.locator("#sessions-link").click();
        awaitUnderContext(page, "/sessions");
        assertThat(page.locator("#open-sessions")).containsText("admin");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        awaitUnderContext(page, "/login?local&signed-out");
        Assertions.assertThat(strayRequests).isEmpty();
    }

    @Test
    void aProviderUserSignsInAndOutAndComesBackUnderTheContextPath(Page page) {
        page.navigate(admin("/"));
        signInAtProvider(page, "ada-subject", "{\"preferred_username\": \"ada\", \"groups\": [\"ta-admins\"]}");
        awaitUnderContext(page, listPath());
        assertThat(page.locator(".signed-in-user .role")).hasText("admin role");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        awaitUnderContext(page, "/login?signed-out");
        assertThat(page.locator("#sign-in-message")).containsText("signed out of Turnstile Admin and of your sign-in");
        Assertions.assertThat(strayRequests).isEmpty();
    }

    /**
     * The widget list's and the audit trail's own links (rows, sort, filter, pager, a
     * widget's whole history), which their pages take from the list views rather than
     * from {@code @paths}.
     */
    @Test
    void theListsAndTheAuditTrailsLinksStayUnderTheContextPath(Page page) {
        page.navigate(admin("/login?local"));
        signInLocally(page);
        awaitUnderContext(page, listPath());
        assertEveryAddressIsUnderTheContextPath(page);

        page.locator("#q").pressSequentially("shop", new Locator.PressSequentiallyOptions().setDelay(40));
        assertThat(page).hasURL(Pattern.compile("^" + literally(admin(listPath())) + "\\?.*q=shop"));
        assertEveryAddressIsUnderTheContextPath(page);
        page.locator("#results tbody tr a").first().click();
        assertThat(page).hasURL(Pattern.compile("^" + literally(admin(listPath() + "/"))));
        assertThat(page.locator("#all-history")).isVisible();
        assertEveryAddressIsUnderTheContextPath(page);
        page.locator("#all-history").click();
        assertThat(page).hasURL(Pattern.compile("^" + literally(admin("/accounts/" + accountId() + "/audit?"))));
        assertEveryAddressIsUnderTheContextPath(page);
        Assertions.assertThat(strayRequests).isEmpty();
    }

    private static void signInLocally(Page page) {
        page.locator("#username").fill("admin");
        page.locator("#password").fill(BREAK_GLASS_PASSWORD);
        page.locator("#sign-in").click();
    }

    /**
     * Waits for the page at {@code path} under the context path, until its deferred
     * scripts have run.
     */
    private void awaitUnderContext(Page page, String path) {
        assertThat(page).hasURL(admin(path));
        page.waitForLoadState();
    }

    private static void assertEveryAddressIsUnderTheContextPath(Page page) {
        @SuppressWarnings("unchecked")
        List<String> addresses = (List<String>) page.evaluate("() => [...document.querySelectorAll("
                + "'a[href], form[action], [hx-get], [hx-post]')].map(e => e.getAttribute('href') ?? "
                + "e.getAttribute('action') ?? e.getAttribute('hx-get') ?? e.getAttribute('hx-post'))");
        Assertions.assertThat(addresses)
            .isNotEmpty()
            .allSatisfy(address -> Assertions.assertThat(address).matches("(" + CONTEXT + "/|#).*"));
    }

    /**
     * {@code text} as a regular expression that matches it alone; JavaScript, which runs
     * the match, has no \\Q...\\E.
     */
    private static String literally(String text) {
        return text.replaceAll("[\\^$.|?*+()\\[\\]{}\\\\/]", "\\\\$0");
    }

    private String admin(String path) {
        return url(CONTEXT + path);
    }

    private String accountId() {
        return accounts.first().id().value();
    }

    private String listPath() {
        return "/accounts/" + accountId() + "/widgets";
    }

    private static Locator flash(Page page) {
        return page.locator("#flash .flash");
    }

}
