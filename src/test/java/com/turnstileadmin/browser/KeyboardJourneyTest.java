package com.turnstileadmin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.turnstileadmin.AppOverHttp.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * A keyboard user's journeys: after a sort, a page turn or a reveal the focus is where
 * the user acted, not back at the top of the page, and every stop on the way shows a
 * clear ring.
 */
class KeyboardJourneyTest extends Journey {

    /** What a focused element's ring is made of, as the browser computed it. */
    private static final String RING = """
            () => { const e = document.activeElement, s = getComputedStyle(e);
                    return { element: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' "' + (e.textContent || e.value || '').trim().slice(0, 30) + '"',
                             style: s.outlineStyle, width: s.outlineWidth, offset: s.outlineOffset }; }""";

    @Test
    void sortingWithTheKeyboardKeepsTheFocusOnTheHeaderThatWasSorted(Page page) {
        signIn(page, User.VIEWER);
        Locator nameHeader = page.getByRole(AriaRole.COLUMNHEADER, new Page.GetByRoleOptions().setName("Name"));
        Locator nameLink = nameHeader.getByRole(AriaRole.LINK);
        String ascending = nameHeader.getAttribute("aria-sort").equals("ascending") ? "descending" : "ascending";

        nameLink.focus();
        page.keyboard().press("Enter");

        assertThat(nameHeader).hasAttribute("aria-sort", ascending);
        assertThat(nameLink).isFocused();
        page.keyboard().press("Enter");
        assertThat(nameHeader).not().hasAttribute("aria-sort", ascending);
        assertThat(nameLink).isFocused();
        Assertions.assertThat(ring(page)).containsEntry("style", "solid").containsEntry("width", "3px");
    }

    @Test
    void nextWithTheKeyboardMovesTheFocusToTheNewResultsAndScrollsThemIntoView(Page page) {
        page.setViewportSize(1280, 600);
        signIn(page, User.VIEWER);
        page.locator("#size").selectOption("10");
        assertThat(rows(page)).hasCount(10);
        Locator next = page.locator(".pager a[rel=next]");
        next.focus();
        Assertions.assertThat(top(page, "#results"))
            .as("the results' top before Next, scrolled to the pager")
            .isNegative();

        page.keyboard().press("Enter");

        assertThat(page.locator(".pager .range")).hasText(Pattern.compile("^11–20 of \\d+$"));
        assertThat(page.locator("#results")).isFocused();
        page.waitForFunction("() => { const t = document.querySelector('#results').getBoundingClientRect().top;"
                + " return t >= 0 && t < 200; }");
        Assertions.assertThat(ring(page)).containsEntry("style", "solid").containsEntry("width", "3px");
        // From the results, the next Tab goes on into them, not back to the header of the
        // page.
        page.keyboard().press("Tab");
        Assertions
            .assertThat(page.evaluate("() => document.querySelector('#results').contains(document.activeElement)"))
            .isEqualTo(true);

        page.locator(".pager a[rel=prev]").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator(".pager .range")).hasText(Pattern.compile("^1–10 of \\d+$"));
        assertThat(page.locator("#results")).isFocused();
    }

    @Test
    void revealWithTheKeyboardFocusesTheSecretAndTheNextTabItsCopyButton(Page page) {
        String secret = openNewWidget(page, User.EDITOR, "Keyboard reveal").secret().value();
        page.locator("#reveal-secret").focus();

        page.keyboard().press("Enter");

        assertThat(page.locator("#secret-value")).isFocused();
        assertThat(page.locator("#secret-value")).hasText(secret);
        page.keyboard().press("Tab");
        assertThat(page.locator("#copy-secret")).isFocused();
        // The clipboard takes text only from the focused window; other tests' pages share
        // this browser. Bringing the window to the front may move the focus within it (a
        // full verify run once pressed Enter on nothing): the Tab stop was checked above,
        // so the button gets it back.
        page.bringToFront();
        page.locator("#copy-secret").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#copy-secret")).hasText("Copied");
    }

    @Test
    void everyStopOfTheTabOrderOnTheListAndTheDetailsPageShowsAThreePixelRing(Page page) {
        signIn(page, User.ADMIN);
        List<Map<String, Object>> withoutRing = new ArrayList<>(tabThrough(page, 30));
        page.locator(".widget-name").first().click();
        assertThat(page.locator("#sitekey")).isVisible();
        page.waitForLoadState();
        withoutRing.addAll(tabThrough(page, 30));

        Assertions.assertThat(withoutRing).as("focused elements without a 3px solid outline").isEmpty();
    }

    /**
     * Presses Tab from the top of the page {@code stops} times; returns the stops whose
     * ring is not 3px solid.
     */
    private static List<Map<String, Object>> tabThrough(Page page, int stops) {
        page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }");
        List<Map<String, Object>> without = new ArrayList<>();
        for (int i = 0; i < stops; i++) {
            page.keyboard().press("Tab");
            Map<String, Object> ring = ring(page);
            // Past the last stop, the focus leaves the page (to <body>, or the browser's
            // own controls).
            boolean onThePage = !String.valueOf(ring.get("element")).startsWith("body");
            if (onThePage && (!"solid".equals(ring.get("style")) || !"3px".equals(ring.get("width")))) {
                without.add(ring);
            }
        }
        return without;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ring(Page page) {
        return (Map<String, Object>) page.evaluate(RING);
    }

    private static double top(Page page, String selector) {
        return ((Number) page.evaluate("s => document.querySelector(s).getBoundingClientRect().top", selector))
            .doubleValue();
    }

}
