package com.turnstileadmin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.turnstileadmin.AppOverHttp.User;
import com.turnstileadmin.sandbox.SandboxFaults;
import com.turnstileadmin.sandbox.SandboxProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the pages do while Cloudflare answers every request with a 502, and after. */
class OutageJourneyTest extends Journey {

    @Autowired
    private SandboxFaults faults;

    @AfterEach
    void endTheOutage() {
        faults.set(SandboxProperties.Faults.NONE);
    }

    private void startAnOutage() {
        faults.set(SandboxProperties.Faults.NONE.withServerErrorRate(1));
    }

    @Test
    void aFilterDuringAnOutageSaysCloudflareIsUnavailableKeepsTheTableAndItsRetryWorksOnceItIsBack(Page page) {
        signIn(page, User.VIEWER);
        assertThat(rows(page)).hasCount(25);
        startAnOutage();

        page.locator("#q").fill("Login");

        Locator alert = page.locator("#flash .error-alert");
        assertThat(alert.locator("h1")).hasText("Cloudflare is unavailable");
        assertThat(rows(page)).hasCount(25);
        assertThat(page.locator("#q")).hasValue("Login");

        endTheOutage();
        alert.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Retry")).click();

        assertThat(page.locator("#flash .error-alert")).hasCount(0);
        assertThat(page.locator("#q")).hasValue("Login");
        assertThat(rows(page).filter(new Locator.FilterOptions().setHasNotText("Login"))).hasCount(0);
    }

    @Test
    void aWidgetCreatedDuringAnOutageComesBackWithTheInputAndAMessageAndSavesOnceCloudflareIsBack(Page page) {
        signIn(page, User.EDITOR);
        page.locator("#new-widget").click();
        awaitPage(page, listUrl() + "/new");
        startAnOutage();

        page.locator("#name").fill("Journey outage");
        page.locator("#domains").fill("outage.example.com\nwww.outage.example.com");
        page.locator("#save-widget").click();

        assertThat(page.locator("#error-summary")).containsText("Cloudflare");
        assertThat(page.locator("#name")).hasValue("Journey outage");
        assertThat(page.locator("#domains")).hasValue("outage.example.com\nwww.outage.example.com");

        endTheOutage();
        page.locator("#save-widget").click();

        assertThat(page.locator("h1")).hasText("Widget “Journey outage” created");
    }

}
