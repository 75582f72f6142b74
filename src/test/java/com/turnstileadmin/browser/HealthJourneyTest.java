package com.turnstileadmin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.turnstileadmin.AppOverHttp.User;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16's pages in a browser, on the sandbox's simulated traffic: the overview across
 * accounts, a troubled widget's panel read from its table, the window switch, the list's
 * sparklines after its rows, and the layout at a phone's, a laptop's and a wide screen's
 * width.
 */
class HealthJourneyTest extends Journey {

    @Test
    void theOverviewLeadsFromATroubledWidgetToItsPanelWhoseFiguresAreItsTables(Page page) {
        signIn(page, User.VIEWER);
        page.locator("#health-link").click();
        assertThat(page.locator("h1")).hasText("Widget health");
        Locator free = page.locator("#health-" + account().value());
        assertThat(free.locator(".summary strong")).containsText("need a look");
        Locator first = free.locator("tbody tr").first();
        assertThat(first).hasClass(java.util.regex.Pattern.compile("troubled"));
        Assertions.assertThat(first.locator("td[data-label=Trouble] mark").allTextContents())
            .isNotEmpty()
            .allMatch(List.of("Solve rate dropped", "Many invalid tokens", "Traffic stopped")::contains);
        AxeCheck.assertAccessible(page, "widget health overview");

        // The solve-rate drop: the first troubled widget with traffic in the last 24
        // hours.
        Locator dropped = free
            .locator("tbody tr.troubled", new Locator.LocatorOptions().setHasText("Solve rate dropped"))
            .first();
        String rate = dropped.locator("td[data-label='Solve rate, 24 h']").textContent().trim();
        dropped.locator("td[data-label=Widget] a").click();
        page.waitForLoadState();
        Locator panel = page.locator("#health-panel");
        assertThat(panel.locator("#figure-issued")).isVisible();

        assertThat(panel.locator("#figure-solve-rate")).hasText(rate);
        long issued = number(panel.locator("#figure-issued").textContent());
        long solved = number(panel.locator("#figure-solved").textContent());
        Assertions.assertThat(sum(panel, "data-issued")).isEqualTo(issued);
        Assertions.assertThat(sum(panel, "data-solved")).isEqualTo(solved);
        Assertions.assertThat(number(panel.locator("#figure-unsolved").textContent())).isEqualTo(issued - solved);
        Assertions.assertThat((double) solved / issued).isLessThan(0.6);
        // The chart is drawn from the same table, with the viewer's times and UTC in its
        // legend.
        assertThat(panel.locator(".health-chart .uplot canvas").first()).isVisible();
        assertThat(panel.locator("#top-hostname tbody tr").first()).isVisible();
        AxeCheck.assertAccessible(page, "widget page with its health panel");

        panel.locator("#window-7d").click();
        assertThat(page.locator("#window-7d")).hasAttribute("aria-current", "true");
        assertThat(page.locator("#health-range")).containsText("Last 7 days");
        // The hours the week touches: 169, or 168 when it ends on the hour.
        Assertions.assertThat(page.locator("#health-table tbody tr").count()).isBetween(168, 169);
        assertThat(page.locator(".health-chart .uplot canvas").first()).isVisible();
    }

    @Test
    void theListsSparklinesArriveAfterItsRows(Page page) {
        signIn(page, User.VIEWER);

        Locator firstTrend = rows(page).first().locator("span.trend");
        assertThat(firstTrend.locator("small")).hasText(java.util.regex.Pattern.compile("solved of|No traffic"));
        Assertions.assertThat(page.locator("span.trend svg polyline").count()).isPositive();
        Assertions.assertThat(page.locator("span.trend small").allTextContents())
            .noneMatch(text -> text.trim().equals("…"));
        assertThat(page.locator("#trends-note")).isEmpty();
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = { 390, 1280, 1920 })
    void theHealthPagesFitTheScreen(int width, Page page) {
        page.setViewportSize(width, 1000);
        signIn(page, User.VIEWER);
        page.navigate(url("/widget-health"));
        page.waitForLoadState();
        Assertions.assertThat(scrollWidth(page)).as("overview").isLessThanOrEqualTo(width);
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
            .setPath(Path.of("target", "screenshots", "health-overview-" + width + ".png")));

        page.locator("#health-" + account().value() + " tbody tr",
                new Page.LocatorOptions().setHasText("Solve rate dropped"))
            .locator("td[data-label=Widget] a")
            .first()
            .click();
        page.waitForLoadState();
        assertThat(page.locator(".health-chart .uplot canvas").first()).isVisible();
        Assertions.assertThat(scrollWidth(page)).as("widget page").isLessThanOrEqualTo(width);
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
            .setPath(Path.of("target", "screenshots", "health-widget-" + width + ".png")));
    }

    private static long sum(Locator panel, String attribute) {
        return panel.locator("#health-table tbody tr")
            .evaluateAll("rows => rows.reduce((sum, row) => sum + Number(row.getAttribute('" + attribute
                    + "')), 0)") instanceof Number total ? total.longValue() : -1;
    }

    private static long number(String text) {
        return Long.parseLong(text.trim().replace(",", ""));
    }

    private static int scrollWidth(Page page) {
        return ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
    }

}
