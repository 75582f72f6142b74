package com.turnstileadmin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.turnstileadmin.AppOverHttp;
import com.turnstileadmin.AppOverHttp.User;
import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.TurnstileWidgets;
import com.turnstileadmin.widget.WidgetMode;
import com.turnstileadmin.widget.WidgetSettings;
import com.turnstileadmin.widget.WidgetWithSecret;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser journey shares: the app on the sandbox with one user per role,
 * signed in through the real sign-in form, and widgets of its own for journeys that
 * change or delete one. Every journey class extends this and adds no context
 * configuration of its own, so that all of them run against one Spring context (and one
 * sandbox), started once: {@link AppOverHttp}'s.
 */
@AppOverHttp
@InBrowser
abstract class Journey {

    private static final AtomicInteger WIDGETS_MADE = new AtomicInteger();

    @LocalServerPort
    private int port;

    @Autowired
    private CloudflareAccounts accounts;

    /**
     * The sandbox behind the app, reached directly (as Cloudflare's API): for set-up and
     * checks only.
     */
    @Autowired
    private TurnstileWidgets cloudflare;

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    AccountId account() {
        return accounts.first().id();
    }

    String listUrl() {
        return url("/accounts/" + account().value() + "/widgets");
    }

    String detailsUrl(Sitekey sitekey) {
        return listUrl() + "/" + sitekey.value();
    }

    /** Signs in on the sign-in form and waits for the widget list it lands on. */
    void signIn(Page page, User user) {
        page.navigate(url("/login"));
        submitSignIn(page, user);
    }

    /** Fills and sends the sign-in form the page shows. */
    static void submitSignIn(Page page, User user) {
        page.locator("#username").fill(user.username);
        page.locator("#password").fill(user.password);
        page.locator("#sign-in").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Widgets").setExact(true)))
            .isVisible();
        page.waitForLoadState();
    }

    /**
     * Waits for the page a click led to, until its deferred scripts have run: typing into
     * it any sooner, htmx would not yet be listening.
     */
    static void awaitPage(Page page, String url) {
        assertThat(page).hasURL(url);
        page.waitForLoadState();
    }

    /**
     * A page in a browser context of its own (another person at another computer), signed
     * in as {@code user}. Close its context when done.
     */
    Page signInElsewhere(Browser browser, User user) {
        BrowserContext other = browser.newContext();
        other.setDefaultTimeout(BrowserSession.DEFAULT_TIMEOUT_MILLIS);
        Page page = other.newPage();
        signIn(page, user);
        return page;
    }

    /**
     * A widget made for one journey, straight in the sandbox, with a name no other widget
     * has.
     * @param purpose the start of its name, e.g. {@code Rotate}
     */
    WidgetWithSecret newWidget(String purpose) {
        String name = "Journey " + purpose + " " + WIDGETS_MADE.incrementAndGet();
        return cloudflare.create(account(),
                WidgetSettings.of(name, List.of("journey.example.com"), WidgetMode.MANAGED));
    }

    /** Signs in and opens the details page of a widget made for this journey. */
    WidgetWithSecret openNewWidget(Page page, User user, String purpose) {
        WidgetWithSecret widget = newWidget(purpose);
        signIn(page, user);
        page.navigate(detailsUrl(widget.widget().sitekey()));
        return widget;
    }

    TurnstileWidgets cloudflare() {
        return cloudflare;
    }

    /** The rows of the widget list's table. */
    static Locator rows(Page page) {
        return page.locator("#results tbody tr");
    }

    /** The flash message at the top of the page. */
    static Locator flash(Page page) {
        return page.locator("#flash .flash");
    }

}
