package com.turnstileadmin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.turnstileadmin.AppOverHttp.User;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A viewer who types filters faster than their share of the team's rate limit allows (3
 * calls here, refilled by 1 a minute): the message in the flash area, the table and the
 * typed filter as they were. A context of its own, as the other journeys must not run on
 * so small a share.
 */
@TestPropertySource(properties = { "cloudflare.budget.capacity=3", "cloudflare.budget.per-minute=1" })
class OverShareJourneyTest extends Journey {

    @Test
    void filtersTypedPastTheShareSayWhenToTryAgainAndKeepTheTableAndTheFilter(Page page) {
        signIn(page, User.VIEWER);
        assertThat(rows(page)).hasCount(25);

        page.locator("#q").fill("Lo");
        assertThat(page).hasURL(Pattern.compile("q=Lo&"));
        page.locator("#q").fill("Log");
        assertThat(page).hasURL(Pattern.compile("q=Log&"));
        int shown = rows(page).count();
        page.locator("#q").fill("Logi");

        Locator alert = page.locator("#flash .error-alert");
        assertThat(alert.locator("h1")).hasText("Too many requests");
        // The share fills by one a minute, on the real clock: a minute less the journey's
        // seconds.
        assertThat(alert).containsText(Pattern.compile("You are making requests faster than the team's Cloudflare "
                + "budget allows; try again in [1-6]?[0-9] seconds\\."));
        assertThat(page.locator("#q")).hasValue("Logi");
        assertThat(rows(page)).hasCount(shown);
    }

}
