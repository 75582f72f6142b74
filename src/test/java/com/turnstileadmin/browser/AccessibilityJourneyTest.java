package com.turnstileadmin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import com.turnstileadmin.AppOverHttp.User;
import com.turnstileadmin.sandbox.SandboxFaults;
import com.turnstileadmin.sandbox.SandboxProperties;
import com.turnstileadmin.widget.Sitekey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every main page, as an admin sees it, checked by axe-core against WCAG 2.2 AA
 * ({@link AxeCheck}): in the light scheme at 1,280 px, and the widget list also at 390 px
 * and in the dark scheme.
 */
class AccessibilityJourneyTest extends Journey {

    @Autowired
    private SandboxFaults faults;

    @BeforeEach
    void lightAtDesktopWidth(Page page) {
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));
        page.setViewportSize(1280, 900);
    }

    @AfterEach
    void noOutage() {
        faults.set(SandboxProperties.Faults.NONE);
    }

    @Test
    void signInPage(Page page) {
        page.navigate(url("/login"));
        AxeCheck.assertAccessible(page, "sign-in page");
        // A user name of no one: a failure for a real user would count towards its
        // lockout in later journeys.
        page.locator("#username").fill("nobody-at-all");
        page.locator("#password").fill("not the password");
        page.locator("#sign-in").click();
        assertThat(page.locator("#username")).isVisible();
        AxeCheck.assertAccessible(page, "sign-in page after a wrong password");
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = { 390, 1280 })
    void widgetList(int width, Page page) {
        page.setViewportSize(width, 900);
        signIn(page, User.ADMIN);
        AxeCheck.assertAccessible(page, "widget list at " + width + " px");
        page.locator("#q").fill("no widget is called this");
        assertThat(page.locator(".empty-state")).isVisible();
        AxeCheck.assertAccessible(page, "widget list's empty state at " + width + " px");
    }

    @Test
    void widgetListInTheDarkScheme(Page page) {
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
        signIn(page, User.ADMIN);
        AxeCheck.assertAccessible(page, "widget list, dark scheme");
    }

    @Test
    void detailsPageWithItsHistoryTheRevealedSecretAndBothDialogs(Page page) {
        openNewWidget(page, User.ADMIN, "Accessible details");
        assertThat(page.locator("#widget-history-entries")).isVisible();
        AxeCheck.assertAccessible(page, "details page");

        page.locator("#reveal-secret").click();
        assertThat(page.locator("#secret-value")).isVisible();
        assertThat(page.locator("#widget-history-entries table")).isVisible();
        AxeCheck.assertAccessible(page, "details page with the secret revealed and its history");

        page.locator("#rotate-secret").click();
        page.locator("#invalidate-immediately").check();
        AxeCheck.assertAccessible(page, "rotate dialog, invalidating immediately");
        page.keyboard().press("Escape");

        page.locator("#delete-widget").click();
        assertThat(page.locator("#delete-dialog")).isVisible();
        AxeCheck.assertAccessible(page, "delete dialog");
    }

    @Test
    void rotateAndDeletePagesOfTheirOwn(Page page) {
        Sitekey sitekey = openNewWidget(page, User.ADMIN, "Accessible pages").widget().sitekey();
        page.navigate(detailsUrl(sitekey) + "/rotate");
        AxeCheck.assertAccessible(page, "rotate page");
        page.navigate(detailsUrl(sitekey) + "/delete");
        AxeCheck.assertAccessible(page, "delete page");
        page.locator("#delete-confirmation").fill("wrong!");
        // The button waits for the right code in the browser; the server's answer to a
        // wrong one is what is checked.
        page.locator("#confirm-delete").evaluate("button => button.disabled = false");
        page.locator("#confirm-delete").click();
        assertThat(page.locator("#delete-confirmation-message")).not().isEmpty();
        AxeCheck.assertAccessible(page, "delete page after a wrong code");
    }

    @Test
    void createFormEmptyAndRefusedAndTheEditForm(Page page) {
        Sitekey sitekey = openNewWidget(page, User.ADMIN, "Accessible form").widget().sitekey();
        page.navigate(listUrl() + "/new");
        AxeCheck.assertAccessible(page, "new widget form");
        page.locator("#domains").fill("https://shop.example.com/");
        page.locator("#save-widget").click();
        assertThat(page.locator("#error-summary")).isFocused();
        AxeCheck.assertAccessible(page, "new widget form with its errors");

        page.navigate(detailsUrl(sitekey) + "/edit");
        AxeCheck.assertAccessible(page, "edit form");
    }

    @Test
    void auditTrailAndAWidgetsHistoryOnIt(Page page) {
        Sitekey sitekey = openNewWidget(page, User.ADMIN, "Accessible audit").widget().sitekey();
        page.locator("#reveal-secret").click();
        assertThat(page.locator("#secret-value")).isVisible();
        page.navigate(url("/accounts/" + account().value() + "/audit"));
        AxeCheck.assertAccessible(page, "audit trail");
        page.locator("#from").fill("2030-01-02");
        page.locator("#to").fill("2030-01-01");
        assertThat(page.locator("#to-message")).not().isEmpty();
        AxeCheck.assertAccessible(page, "audit trail with a refused filter");

        page.navigate(url("/accounts/" + account().value() + "/audit?widget=" + sitekey.value()));
        assertThat(page.locator("table.audit")).isVisible();
        AxeCheck.assertAccessible(page, "audit trail of one widget");
    }

    @Test
    void sessionsPage(Page page) {
        signIn(page, User.ADMIN);
        page.navigate(url("/sessions"));
        assertThat(page.locator("#open-sessions")).isVisible();
        AxeCheck.assertAccessible(page, "sessions page");
    }

    @Test
    void errorPagesForAMissingWidgetAForbiddenPageAndAnOutage(Page page) {
        signIn(page, User.ADMIN);
        page.navigate(listUrl() + "/0x4AAAAAAAnoSuchWidget00");
        assertThat(page.locator("#error-alert")).isVisible();
        AxeCheck.assertAccessible(page, "error page of a widget that does not exist");

        faults.set(SandboxProperties.Faults.NONE.withServerErrorRate(1));
        page.navigate(listUrl() + "?q=outage");
        assertThat(page.locator("#error-alert")).isVisible();
        AxeCheck.assertAccessible(page, "error page of an outage");
        faults.set(SandboxProperties.Faults.NONE);

        page.context().clearCookies();
        signIn(page, User.VIEWER);
        page.navigate(url("/accounts/" + account().value() + "/audit"));
        assertThat(page.locator("#error-alert")).isVisible();
        AxeCheck.assertAccessible(page, "error page of a page the viewer may not see");
    }

}
