package com.turnstileadmin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.turnstileadmin.AppOverHttp.User;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.WidgetMode;
import com.turnstileadmin.widget.WidgetSettings;
import java.util.List;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13's details: long names, the error summary, local times, a new widget's keys.
 */
class DetailsLayoutJourneyTest extends Journey {

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = { 390, 1280 })
    void aNameOf254CharactersWithoutSpacesWidensNeitherTheDetailsNorTheAuditPage(int width, Page page) {
        String name = "N".repeat(WIDTH_TEST_NAME_LENGTH);
        Sitekey sitekey = cloudflare().create(account(), WidgetSettings.of(name,
                List.of("a-very-long-subdomain-label-that-goes-on.another-long-label.example.com"), WidgetMode.MANAGED))
            .widget()
            .sitekey();
        page.setViewportSize(width, 900);
        signIn(page, User.ADMIN);
        page.navigate(detailsUrl(sitekey));
        page.locator("#reveal-secret").click();
        assertThat(page.locator("#secret-value")).isVisible();

        Assertions.assertThat(scrollWidth(page)).as("details page").isLessThanOrEqualTo(width);
        page.navigate(url("/accounts/" + account().value() + "/audit"));
        assertThat(page.locator("table.audit")).containsText(name);
        Assertions.assertThat(scrollWidth(page)).as("audit page").isLessThanOrEqualTo(width);
    }

    @Test
    void aRefusedCreateFocusesTheSummaryWhoseLinksLeadToTheFields(Page page) {
        signIn(page, User.EDITOR);
        page.navigate(listUrl() + "/new");
        page.locator("#domains").fill("https://shop.example.com/");
        page.locator("#save-widget").click();

        assertThat(page.locator("#error-summary")).isFocused();
        page.locator("#error-summary a[href='#name']").click();
        assertThat(page.locator("#name")).isFocused();
    }

    @Test
    void aNewWidgetsSecretIsShownOnceAndNotOnItsPage(Page page) {
        signIn(page, User.EDITOR);
        page.navigate(listUrl() + "/new");
        page.locator("#name").fill("Journey keys once");
        page.locator("#domains").fill("keys.example.com");
        page.locator("#save-widget").click();

        String secret = page.locator("#created-secret").textContent();
        Sitekey sitekey = new Sitekey(page.locator("#created-sitekey").textContent());
        Assertions.assertThat(secret).isEqualTo(cloudflare().get(account(), sitekey).secret().value());
        page.locator("#open-created").click();
        awaitPage(page, detailsUrl(sitekey));
        Assertions.assertThat(page.content()).doesNotContain(secret);
    }

    @Test
    void timesAreShownInTheViewersZoneWithUtcOnHover(Page own) {
        Sitekey sitekey = newWidget("Local time").widget().sitekey();
        BrowserContext tokyo = own.context()
            .browser()
            .newContext(new Browser.NewContextOptions().setTimezoneId("Asia/Tokyo").setLocale("en-GB"));
        try {
            tokyo.setDefaultTimeout(BrowserSession.DEFAULT_TIMEOUT_MILLIS);
            Page page = tokyo.newPage();
            signIn(page, User.VIEWER);
            page.navigate(detailsUrl(sitekey));
            page.waitForLoadState();

            assertThat(page.locator("time[data-time=exact]").first()).hasAttribute("title", Pattern.compile("UTC$"));
            assertThat(page.locator("time[data-time=exact]").first()).not().containsText("UTC");
            assertThat(page.locator("time[data-time=exact]").first()).containsText(Pattern.compile("GMT\\+9|JST"));
        }
        finally {
            tokyo.close();
        }
    }

    private static final int WIDTH_TEST_NAME_LENGTH = 254;

    private static int scrollWidth(Page page) {
        return ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
    }

}
