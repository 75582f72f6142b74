package com.turnstileadmin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.turnstileadmin.AppOverHttp.User;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.WidgetWithSecret;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * A widget's secret: revealed and copied on request, and rotated with and without a grace
 * period.
 */
class SecretJourneyTest extends Journey {

    @Test
    void theSecretIsOnThePageOnlyAfterRevealAndCopyPutsItOnTheClipboard(Page page) {
        String secret = openNewWidget(page, User.EDITOR, "Reveal").secret().value();
        Assertions.assertThat(page.content()).doesNotContain(secret);

        Response reveal = page.waitForResponse(response -> response.url().endsWith("/secret"),
                () -> page.locator("#reveal-secret").click());

        assertThat(page.locator("#secret-value")).hasText(secret);
        Assertions.assertThat(reveal.headerValue("cache-control")).contains("no-store");
        page.locator("#copy-secret").click();
        assertThat(page.locator("#copy-secret")).hasText("Copied");
        Assertions.assertThat(page.evaluate("() => navigator.clipboard.readText()")).isEqualTo(secret);
    }

    @Test
    void aCopyTheClipboardRefusesSelectsTheSecretAndSaysHowToCopyIt(Page page) {
        String secret = openNewWidget(page, User.EDITOR, "Copy refused").secret().value();
        page.locator("#reveal-secret").click();
        assertThat(page.locator("#secret-value")).hasText(secret);
        // What a browser does when the window is not focused or the permission is
        // missing.
        page.evaluate("() => navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused'))");

        page.locator("#copy-secret").click();

        assertThat(page.locator("#copy-secret")).hasText("Selected: press Ctrl+C");
        Assertions.assertThat(page.evaluate("() => window.getSelection().toString()")).isEqualTo(secret);
    }

    @Test
    void rotatingWithAGracePeriodShowsTheNewSecretOnceAndThenTheButtonSaysUntilWhenItIsUnavailable(Page page) {
        Sitekey sitekey = openNewWidget(page, User.ADMIN, "Rotate").widget().sitekey();
        String oldSecret = reveal(page);
        Locator dialog = page.locator("#rotate-dialog");

        page.locator("#rotate-secret").click();
        assertThat(dialog).hasAttribute("open", "");
        assertThat(page.locator("#invalidate-immediately")).isFocused();
        page.keyboard().press("Escape");
        assertThat(dialog).isHidden();

        page.locator("#rotate-secret").click();
        assertThat(page.locator("#invalidate-immediately")).not().isChecked();
        String newSecret = confirmRotation(page, oldSecret);

        Assertions.assertThat(newSecret).isEqualTo(cloudflare().get(account(), sitekey).secret().value());
        assertThat(dialog).containsText("The previous secret keeps working for 2 hours.");
        page.locator("#rotate-done").click();
        awaitPage(page, detailsUrl(sitekey));
        Assertions.assertThat(page.content()).as("the details page after the rotation").doesNotContain(newSecret);

        assertThat(page.locator("#grace-period")).containsText("Previous secret valid until");
        assertThat(page.locator("#grace-period time")).hasText(Pattern.compile("\\d{2}:\\d{2} UTC"));
        assertThat(page.locator("#rotate-secret")).isDisabled();
        assertThat(page.locator("#rotate-unavailable")).containsText("grace period of its last rotation ends");
    }

    @Test
    void aRotationMadeElsewhereIsNotKnownHereSoASecondOneIsRefusedWithTheReason(Page page) {
        Sitekey sitekey = newWidget("Rotated elsewhere").widget().sitekey();
        cloudflare().rotateSecret(account(), sitekey, false);
        signIn(page, User.ADMIN);
        page.navigate(detailsUrl(sitekey));
        Locator dialog = page.locator("#rotate-dialog");

        assertThat(page.locator("#grace-period")).hasCount(0);
        page.locator("#rotate-secret").click();
        page.locator("#confirm-rotate").click();

        assertThat(dialog.locator("#rotate-title")).hasText("The secret was not rotated");
        assertThat(dialog.locator(".refusal")).containsText("until the 2-hour grace period of that rotation is over");
        assertThat(page.locator("#flash .error-alert")).hasCount(0);
    }

    @Test
    void rotatingWithInvalidateImmediatelyGivesANewSecretAndSaysTheOldOneIsDead(Page page) {
        String sitekey = openNewWidget(page, User.ADMIN, "Rotate immediately").widget().sitekey().value();
        String oldSecret = reveal(page);
        Locator button = page.locator("#confirm-rotate");

        page.locator("#rotate-secret").click();
        assertThat(page.locator("#invalidate-confirm")).isHidden();
        page.locator("#invalidate-immediately").check();
        assertThat(button).hasText("Rotate and invalidate the old secret now");
        assertThat(button).hasClass("danger");
        assertThat(button).isDisabled();
        assertThat(page.locator("#rotate-confirmation")).isFocused();
        page.locator("#rotate-confirmation").fill(sitekey.substring(sitekey.length() - 6));
        assertThat(button).isEnabled();
        confirmRotation(page, oldSecret);

        assertThat(page.locator("#rotate-dialog .warning")).hasText("The previous secret no longer works.");
    }

    /** Reveals the secret on the details page and returns it. */
    private static String reveal(Page page) {
        page.locator("#reveal-secret").click();
        assertThat(page.locator("#secret-value")).isVisible();
        return page.locator("#secret-value").textContent();
    }

    /**
     * Confirms the open rotation dialog and returns the new secret it shows, checked to
     * be new.
     */
    private static String confirmRotation(Page page, String oldSecret) {
        page.locator("#confirm-rotate").click();
        assertThat(page.locator("#new-secret")).isVisible();
        String newSecret = page.locator("#new-secret").textContent();
        Assertions.assertThat(newSecret).isNotBlank().isNotEqualTo(oldSecret);
        return newSecret;
    }

}
