package com.turnstileadmin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Proof that the whole chain works: the app on a real port, Debian's Chromium driven by
 * Playwright, and the clipboard that copy buttons will need. It runs on the journeys' app
 * (one Spring context for every browser test).
 */
class BrowserSmokeTest extends Journey {

    @Test
    void chromiumShowsTheAppAsUp(Page page) {
        page.navigate(url("/actuator/health"));

        assertThat(page.locator("body")).containsText("\"status\":\"UP\"");
    }

    @Test
    void theClipboardCanBeWrittenAndReadBack(Page page) {
        // The Clipboard API needs a secure context, which http://localhost is.
        page.navigate(url("/actuator/health"));

        page.evaluate("text => navigator.clipboard.writeText(text)", "0x4AAAAAAABkMYinukE8nzY");

        Assertions.assertThat(page.evaluate("() => navigator.clipboard.readText()"))
            .isEqualTo("0x4AAAAAAABkMYinukE8nzY");
    }

}
