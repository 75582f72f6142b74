package com.turnstileadmin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.turnstileadmin.AppOverHttp.User;
import com.turnstileadmin.reconcile.Reconciler;
import com.turnstileadmin.widget.Widget;
import com.turnstileadmin.widget.WidgetMode;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 17's pages in a browser: a widget changed behind the dashboard's back (straight
 * at the sandbox, as another tool would) carries a badge on the list; its page says what
 * changed and by whom; an editor reverts it with the keyboard alone, and the badge is
 * gone. At a phone's, a laptop's and a wide screen's width, with axe-core.
 */
class OutsideChangeJourneyTest extends Journey {

    @Autowired
    private Reconciler reconciler;

    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void everyChangeSoFarKnown() {
        reconciler.reconcile(account());
        settleAll();
    }

    /**
     * The other journeys change widgets straight at the sandbox too: none of theirs keeps
     * a badge for them to find.
     */
    @AfterEach
    void settleAll() {
        jdbc.update("UPDATE known_widget SET outside_since = NULL, base_name = NULL");
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = { 390, 1280, 1920 })
    void aChangeMadeOutsideIsMarkedSaidAndRevertedWithTheKeyboard(int width, Page page) {
        Widget widget = newWidget("Outside " + width).widget();
        reconciler.reconcile(account());
        cloudflare().update(account(), widget.sitekey(), widget.settings().withMode(WidgetMode.INVISIBLE));
        reconciler.reconcile(account());
        page.setViewportSize(width, 1000);
        signIn(page, User.EDITOR);

        page.navigate(listUrl() + "?q=" + widget.name().replace(" ", "+"));
        Locator row = rows(page).filter(new Locator.FilterOptions().setHasText(widget.name()));
        assertThat(row.locator(".outside-badge")).hasText("changed outside");
        AxeCheck.assertAccessible(page, "list with a widget changed outside");

        page.navigate(detailsUrl(widget.sitekey()));
        Locator notice = page.locator("#outside-change");
        assertThat(notice.locator("h2")).hasText("Changed outside this dashboard");
        assertThat(notice).containsText("Edited by");
        assertThat(notice.locator(".outside-changes li")).hasText("Mode: managed → invisible");
        Assertions.assertThat(scrollWidth(page)).as("widget page").isLessThanOrEqualTo(width);
        AxeCheck.assertAccessible(page, "widget page with a change made outside");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
            .setPath(Path.of("target", "screenshots", "outside-change-" + width + ".png")));

        page.locator("#revert-outside-change").focus();
        page.keyboard().press("Enter");
        page.waitForLoadState();

        assertThat(page.locator("#flash .flash")).hasText("The settings from before the change made outside are back.");
        assertThat(page.locator("#outside-change")).hasCount(0);
        Assertions.assertThat(cloudflare().widget(account(), widget.sitekey()).settings().mode())
            .isEqualTo(WidgetMode.MANAGED);
        page.navigate(listUrl() + "?q=" + widget.name().replace(" ", "+"));
        assertThat(rows(page).filter(new Locator.FilterOptions().setHasText(widget.name())).locator(".outside-badge"))
            .hasCount(0);
    }

    private static double scrollWidth(Page page) {
        return ((Number) page.evaluate("() => document.documentElement.scrollWidth")).doubleValue();
    }

}
