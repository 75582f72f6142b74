package com.turnstileadmin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.microsoft.playwright.Page;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Proof that the whole chain works: the app on a real port, Debian's Chromium driven by
 * Playwright, and the clipboard that copy buttons will need.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ExtendWith(BrowserExtension.class)
class BrowserSmokeTest {

    private final String healthUrl;

    BrowserSmokeTest(@LocalServerPort int port) {
        this.healthUrl = "http://localhost:" + port + "/actuator/health";
    }

    @Test
    void chromiumShowsTheAppAsUp(Page page) {
        page.navigate(healthUrl);

        assertThat(page.locator("body")).containsText("\"status\":\"UP\"");
    }

    @Test
    void theClipboardCanBeWrittenAndReadBack(Page page) {
        // The Clipboard API needs a secure context, which http://localhost is.
        page.navigate(healthUrl);

        page.evaluate("text => navigator.clipboard.writeText(text)", "0x4AAAAAAABkMYinukE8nzY");

        Assertions.assertThat(page.evaluate("() => navigator.clipboard.readText()")).isEqualTo("0x4AAAAAAABkMYinukE8nzY");
    }
}
