package com.turnstileadmin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.turnstileadmin.AppOverHttp.User;
import com.turnstileadmin.sandbox.SandboxFaults;
import com.turnstileadmin.sandbox.SandboxProperties;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Waiting on a slow Cloudflare (the sandbox answering 400 ms late): the region being
 * updated is marked busy at once, shows a spinner once the answer is late, the progress
 * bar runs, and all of it ends with the request, whether it brought the answer, an error
 * page or nothing at all.
 */
class BusyJourneyTest extends Journey {

    private static final Duration LATENCY = Duration.ofMillis(400);

    @Autowired
    private SandboxFaults faults;

    @AfterEach
    void fastAgain() {
        faults.set(SandboxProperties.Faults.NONE);
    }

    private void slowCloudflare() {
        faults.set(SandboxProperties.Faults.NONE.withLatency(LATENCY));
    }

    @Test
    void aSlowFilterMarksTheResultsBusyWithASpinnerAndTheBarUntilTheAnswerIsIn(Page page) {
        signIn(page, User.VIEWER);
        slowCloudflare();

        page.locator("#q").fill("Checkout");

        // Late (the spinner) while the list waits on the sandbox, with the bar running
        // and the old rows still
        // there to read: all seen at one moment.
        page.waitForFunction("""
                () => document.querySelector('#results').matches('[aria-busy=true].busy.busy-slow')
                      && document.querySelectorAll('#results tbody tr').length === 25
                      && document.querySelector('#progress').classList.contains('running')""");
        // Then the answer, and nothing busy any more.
        assertThat(rows(page).filter(new Locator.FilterOptions().setHasNotText("Checkout"))).hasCount(0);
        assertNothingBusy(page);
    }

    @Test
    void aSlowRevealMarksTheSecretBusyAndFocusesItOnceItCame(Page page) {
        openNewWidget(page, User.EDITOR, "Slow reveal");
        slowCloudflare();

        page.locator("#reveal-secret").click();

        awaitLate(page, "#secret");
        assertThat(page.locator("#secret-value")).isFocused();
        assertNothingBusy(page);
    }

    @Test
    void aSlowFilterOfTheAuditTrailMarksItsEntriesBusy(Page page) {
        signIn(page, User.ADMIN);
        page.navigate(url("/accounts/" + account().value() + "/audit"));
        // The audit trail is read from the app's database, not Cloudflare: a slow network
        // instead.
        page.route(Pattern.compile(".*/audit\\?.*actor=.*"), route -> {
            pause();
            route.resume();
        });

        page.locator("#actor").fill("admin");

        awaitLate(page, "#results");
        assertThat(page).hasURL(Pattern.compile("actor=admin"));
        assertNothingBusy(page);
    }

    @Test
    void aFilterDuringASlowOutageEndsBusyWithTheErrorInTheFlashArea(Page page) {
        signIn(page, User.VIEWER);
        faults.set(SandboxProperties.Faults.NONE.withLatency(LATENCY).withServerErrorRate(1));

        page.locator("#q").fill("Login");

        awaitLate(page, "#results");
        assertThat(page.locator("#flash .error-alert h1")).hasText("Cloudflare is unavailable");
        assertNothingBusy(page);
        assertThat(rows(page)).hasCount(25);
    }

    @Test
    void aRequestThatGetsNoAnswerEndsBusyAndSaysSo(Page page) {
        signIn(page, User.VIEWER);
        // The app gone between two requests: the browser gets no answer at all.
        page.route(Pattern.compile(".*/widgets\\?.*q=Gone.*"), route -> {
            pause();
            route.abort("connectionrefused");
        });

        page.locator("#q").fill("Gone");

        awaitLate(page, "#results");
        assertThat(page.locator("#flash .error-alert h1")).hasText("No answer from Turnstile Admin");
        assertNothingBusy(page);
        assertThat(page.locator("#q")).hasValue("Gone");
    }

    /**
     * Waits until the region is busy and late: spinner on. Checked in the page on every
     * frame (Playwright's waitForSelector polls from outside, and misses it while a route
     * handler of the test holds the request).
     */
    private static void awaitLate(Page page, String region) {
        page.waitForFunction("s => document.querySelector(s).matches('[aria-busy=true].busy.busy-slow')", region);
    }

    /**
     * A request's answer on its way as slowly as the sandbox's (run by Playwright while
     * the browser waits).
     */
    private static void pause() {
        try {
            Thread.sleep(LATENCY.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void assertNothingBusy(Page page) {
        assertThat(page.locator("[aria-busy=true]")).hasCount(0);
        assertThat(page.locator(".busy")).hasCount(0);
        assertThat(page.locator("#progress")).not().hasClass(Pattern.compile("\\brunning\\b"));
    }

}
