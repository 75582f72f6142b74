package com.turnstileadmin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.turnstileadmin.AppOverHttp.User;
import com.turnstileadmin.audit.Attempt;
import com.turnstileadmin.audit.AuditAction;
import com.turnstileadmin.audit.AuditTrail;
import com.turnstileadmin.audit.FieldChange;
import com.turnstileadmin.security.Role;
import com.turnstileadmin.security.SignedInUser;
import com.turnstileadmin.widget.Widget;
import java.util.List;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The audit trail: an admin filters it and finds a widget's history on its page; a viewer
 * is not offered it.
 */
class AuditJourneyTest extends Journey {

    /**
     * Actors no other journey has, so that what other journeys record does not get in the
     * way.
     */
    private static final SignedInUser AUDITOR = new SignedInUser("journey:auditor", "Auditor Journey",
            "auditor@example.com", Role.ADMIN);

    private static final SignedInUser DANA = new SignedInUser("journey:dana", "Dana Journey", null, Role.EDITOR);

    @Autowired
    private AuditTrail trail;

    @Test
    void anAdminFiltersTheTrailOpensAWidgetAndFindsItsHistoryThere(Page page) {
        Widget widget = newWidget("Audited").widget();
        Widget other = newWidget("Audited other").widget();
        String sitekey = widget.sitekey().value();
        trail.succeeded(Attempt.of(AUDITOR, account(), AuditAction.CREATE, sitekey, widget.name()));
        trail.succeeded(new Attempt(DANA, account(), AuditAction.UPDATE, sitekey, widget.name(), null,
                List.of(new FieldChange("Mode", "managed", "invisible"))));
        trail.failed(Attempt.of(AUDITOR, account(), AuditAction.DELETE, other.sitekey().value(), other.name()),
                "Cloudflare says: the widget is in use");
        signIn(page, User.ADMIN);

        page.locator("#audit-link").click();
        awaitPage(page, url("/accounts/" + account().value() + "/audit"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Audit trail"))).isVisible();

        page.locator("#actor").pressSequentially("auditor", new Locator.PressSequentiallyOptions().setDelay(40));
        assertThat(page).hasURL(Pattern.compile("[?&]actor=auditor(&|$)"));
        Locator rows = page.locator("#results tbody tr");
        assertThat(rows).hasCount(2);
        // Newest first: the failed delete, then the create.
        assertThat(rows.first()).containsText("Deleted");
        assertThat(rows.first()).containsText("Cloudflare says: the widget is in use");
        assertThat(rows.nth(1)).containsText("Created");
        assertThat(page.locator("#download-csv")).hasAttribute("href",
                Pattern.compile("/audit\\.csv\\?actor=auditor$"));

        page.locator("#action").selectOption("create");
        assertThat(page).hasURL(Pattern.compile("actor=auditor&action=create$"));
        assertThat(rows).hasCount(1);

        // A range that ends before it starts: said beside the field, the input kept,
        // nothing shown.
        page.locator("#from").fill("2030-01-02");
        page.locator("#to").fill("2030-01-01");
        assertThat(page.locator("#to-message")).hasText("The end date is before the start date.");
        assertThat(page.locator("#to")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#to")).hasValue("2030-01-01");
        assertThat(page.locator("#download-csv")).hasCount(0);
        page.locator("#to").fill("");
        assertThat(page.locator("#to-message")).hasText("");
        assertThat(page.locator(".empty-state")).containsText("No entry matches these filters.");
        page.locator("#from").fill("");
        assertThat(rows).hasCount(1);

        rows.first().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(widget.name())).click();
        awaitPage(page, detailsUrl(widget.sitekey()));
        Locator history = page.locator("#widget-history");
        assertThat(history.locator("tbody tr")).hasCount(2);
        assertThat(history.locator("tbody tr").first()).containsText("Edited");
        assertThat(history.locator("tbody tr").first()).containsText("Dana Journey");
        assertThat(history.locator("tbody tr").first()).containsText("Managed → Invisible");
        assertThat(history).not().containsText("Deleted");

        history.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("All of this widget's history"))
            .click();
        assertThat(page).hasURL(Pattern.compile("/audit\\?widget=" + sitekey + "$"));
        assertThat(page.locator("#widget")).hasValue(sitekey);
        assertThat(rows).hasCount(2);
    }

    @Test
    void aViewerIsNotOfferedTheTrailAndIsRefusedIt(Page page) {
        signIn(page, User.VIEWER);

        assertThat(page.locator("#audit-link")).hasCount(0);
        Response forced = page.navigate(url("/accounts/" + account().value() + "/audit"));
        Assertions.assertThat(forced.status()).isEqualTo(403);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
            .hasText("You may not do that");
    }

}
