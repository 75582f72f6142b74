package com.turnstileadmin.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One test's browser window: its own {@link BrowserContext} (cookies, storage,
 * permissions) on the shared Chromium, and the {@link Page} the test starts on.
 */
final class BrowserSession implements AutoCloseable {

    /**
     * Long enough for a slow CI machine, short enough that a wrong selector fails in
     * seconds.
     */
    static final double DEFAULT_TIMEOUT_MILLIS = 10_000;

    /**
     * What the browser and htmx log for every failed load and every 4xx or 5xx answer:
     * the page's own handling of those (a 403 in the flash area, an outage with Retry) is
     * what the tests check, so these notes say nothing more. (At sign-in, Chromium also
     * notes the provider's page as a failed load when the redirect to it was cut short by
     * the next one.) A style sheet or script of the app's own that fails to load is still
     * seen: with {@code nosniff}, Chromium refuses the error page in its place with an
     * error of its own. htmx also logs the names of the events of a request that got no
     * answer at all ({@code htmx:afterRequest}, {@code htmx:sendError}): the page says so
     * itself (busy.js), which {@code BusyJourneyTest} checks.
     */
    private static final List<String> EXPECTED_NOTES = List.of("Failed to load resource:", "Response Status Error Code",
            "htmx:afterRequest", "htmx:sendError");

    private final BrowserContext context;

    private final Page page;

    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());

    private BrowserSession(BrowserContext context, Page page) {
        this.context = context;
        this.page = page;
        // A CSP violation, an htmx misconfiguration or a script error shows only here,
        // not on the page.
        context.onConsoleMessage(message -> {
            if ("error".equals(message.type()) && EXPECTED_NOTES.stream().noneMatch(message.text()::startsWith)) {
                errors.add(message.text() + (message.page() == null ? "" : " (on " + message.page().url() + ")"));
            }
        });
        context.onWebError(error -> errors.add("Uncaught: " + error.error()));
    }

    static BrowserSession open(Browser browser) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
            // So that tests can check what a copy button put on the clipboard.
            .setPermissions(List.of("clipboard-read", "clipboard-write")));
        context.setDefaultTimeout(DEFAULT_TIMEOUT_MILLIS);
        return new BrowserSession(context, context.newPage());
    }

    BrowserContext context() {
        return context;
    }

    Page page() {
        return page;
    }

    /** The errors the pages logged to the console, or threw, so far. */
    List<String> consoleErrors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    /**
     * Saves what the user would be looking at: a full-page screenshot and the HTML of the
     * most recently opened page still open (a popup, if the test opened one).
     * @return the page's URL, or empty if every page was closed and there was nothing to
     * save
     */
    Optional<String> saveEvidence(Path screenshot, Path html) throws IOException {
        List<Page> pages = context.pages();
        if (pages.isEmpty()) {
            return Optional.empty();
        }
        Page current = pages.get(pages.size() - 1);
        Files.createDirectories(screenshot.toAbsolutePath().getParent());
        Files.createDirectories(html.toAbsolutePath().getParent());
        current.screenshot(new Page.ScreenshotOptions().setPath(screenshot).setFullPage(true));
        Files.writeString(html, current.content());
        return Optional.of(current.url());
    }

    /** Closes the context and with it every page the test opened. */
    @Override
    public void close() {
        context.close();
    }

}
