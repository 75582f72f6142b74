package com.turnstileadmin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.turnstileadmin.AppOverHttp.User;
import com.turnstileadmin.widget.Widget;
import com.turnstileadmin.widget.WidgetFilter;
import com.turnstileadmin.widget.WidgetQuery;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Creating, editing (alone and against someone else's change) and deleting widgets
 * through the pages.
 */
class WidgetEditingJourneyTest extends Journey {

    private static final String BAD_DOMAIN = "https://bad domain/";

    private static final String BAD_DOMAIN_MESSAGE = "Not a hostname, IPv4 or IPv6 address: “" + BAD_DOMAIN + "”";

    @Test
    void aBadDomainIsPointedOutOnLeavingTheFieldAndOnSubmitWithTheInputKeptAndOnceCorrectedTheWidgetIsCreated(
            Page page) {
        signIn(page, User.EDITOR);
        page.locator("#new-widget").click();
        awaitPage(page, listUrl() + "/new");
        page.locator("#name").fill("Journey created");
        page.locator("#domains").fill(BAD_DOMAIN);
        page.locator("#domains").press("Tab");

        assertThat(page.locator("#domains-message")).containsText(BAD_DOMAIN_MESSAGE);
        assertThat(page.locator("#domains")).hasAttribute("aria-invalid", "true");

        page.locator("#save-widget").click();
        assertThat(page.locator("#domains")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#domains-message")).containsText(BAD_DOMAIN_MESSAGE);
        assertThat(page.locator("#domains")).hasValue(BAD_DOMAIN);
        assertThat(page.locator("#name")).hasValue("Journey created");

        page.locator("#domains").fill("good.example.com");
        page.locator("#save-widget").click();

        assertThat(page.locator("h1")).hasText("Widget “Journey created” created");
        page.locator("#open-created").click();
        assertThat(page.locator("h1")).hasText("Journey created");
        assertThat(page.locator(".domain-list li")).hasText("good.example.com");
    }

    @Test
    void aDoubleClickOnSaveCreatesOneWidget(Page page) {
        String name = fillANewWidgetForm(page, "Journey double click");

        page.locator("#save-widget").dblclick();

        assertThat(page.locator("h1")).hasText("Widget “" + name + "” created");
        assertThatOneWidgetIsNamed(name);
    }

    @Test
    void reloadingThePageOfKeysLeadsToTheWidgetAndCreatesNoTwin(Page page) {
        String name = createThroughTheForm(page, "Journey reload");

        page.reload(); // the browser sends the form again

        assertThat(page.locator("h1")).hasText(name);
        assertThat(flash(page)).containsText("This form was sent before and made this widget");
        assertThatOneWidgetIsNamed(name);
    }

    @Test
    void backAfterACreateShowsAnEmptyFormNotTheOneJustSent(Page page) {
        String name = createThroughTheForm(page, "Journey back");

        page.goBack();

        assertThat(page).hasURL(listUrl() + "/new");
        assertThat(page.locator("#name")).hasValue("");
        assertThat(page.locator("#domains")).hasValue("");
    }

    /**
     * Signs an editor in and fills the new-widget form (opened from the list) with a name
     * of its own.
     */
    private String fillANewWidgetForm(Page page, String namePrefix) {
        String name = namePrefix + " " + System.nanoTime();
        signIn(page, User.EDITOR);
        page.navigate(listUrl());
        page.locator("#new-widget").click();
        awaitPage(page, listUrl() + "/new");
        page.locator("#name").fill(name);
        page.locator("#domains").fill("journey.example.com");
        return name;
    }

    /**
     * {@link #fillANewWidgetForm}, then Save, landing on the page of the new widget's
     * keys.
     */
    private String createThroughTheForm(Page page, String namePrefix) {
        String name = fillANewWidgetForm(page, namePrefix);
        page.locator("#save-widget").click();
        assertThat(page.locator("h1")).hasText("Widget “" + name + "” created");
        return name;
    }

    private void assertThatOneWidgetIsNamed(String name) {
        Assertions
            .assertThat(
                    cloudflare().list(account(), WidgetQuery.firstPage().filteredBy(WidgetFilter.nameContains(name)))
                        .widgets())
            .hasSize(1);
    }

    @Test
    void anEditedNameIsSavedAndShownOnTheDetailsPage(Page page) {
        Widget widget = openNewWidget(page, User.EDITOR, "Edit").widget();

        page.locator("#edit-widget").click();
        assertThat(page.locator("#name")).hasValue(widget.name());
        page.locator("#name").fill(widget.name() + " renamed");
        page.locator("#save-widget").click();

        assertThat(page).hasURL(detailsUrl(widget.sitekey()));
        assertThat(page.locator("h1")).hasText(widget.name() + " renamed");
        assertThat(flash(page)).hasText("Widget “" + widget.name() + " renamed” saved.");
    }

    @Test
    void anEditThatMeetsSomeoneElsesChangeShowsItKeepsBothInTheFormAndSavesOnTheSecondTry(Page page) {
        Widget widget = openNewWidget(page, User.EDITOR, "Conflict").widget();
        page.locator("#edit-widget").click();
        page.locator("#name").fill(widget.name() + " mine");

        // Meanwhile, an admin at another computer adds a domain.
        Page theirs = signInElsewhere(page.context().browser(), User.ADMIN);
        try {
            theirs.navigate(detailsUrl(widget.sitekey()) + "/edit");
            theirs.locator("#domains").fill("journey.example.com\ntheirs.example.com");
            theirs.locator("#save-widget").click();
            assertThat(flash(theirs)).containsText("saved");
        }
        finally {
            theirs.context().close();
        }

        page.locator("#save-widget").click();

        Locator conflict = page.locator("#conflict");
        assertThat(conflict).isVisible();
        assertThat(conflict.locator("tbody tr")).hasCount(1);
        assertThat(conflict.locator("tbody tr td")).hasText(new String[] { "Domains", "journey.example.com",
                "journey.example.com, theirs.example.com", "(unchanged by you)" });
        assertThat(page.locator("#name")).hasValue(widget.name() + " mine");
        assertThat(page.locator("#domains")).hasValue("journey.example.com\ntheirs.example.com");

        page.locator("#save-widget").click();

        assertThat(page.locator("h1")).hasText(widget.name() + " mine");
        assertThat(page.locator(".domain-list li"))
            .hasText(new String[] { "journey.example.com", "theirs.example.com" });
    }

    @Test
    void deletingTakesTheEndOfTheSitekeyAndLeavesTheWidgetGoneFromTheList(Page page) {
        Widget widget = openNewWidget(page, User.ADMIN, "Delete").widget();
        page.locator("#delete-widget").click();
        Locator confirm = page.locator("#confirm-delete");

        assertThat(page.locator("#delete-dialog")).isVisible();
        assertThat(confirm).isDisabled();
        String code = widget.sitekey().value().substring(widget.sitekey().value().length() - 6);
        assertThat(page.locator("#delete-dialog .confirm-code")).hasText(code);
        assertThat(confirm).hasClass("danger");
        page.locator("#delete-confirmation").fill(widget.name());
        assertThat(confirm).isDisabled();
        page.locator("#delete-confirmation").fill(code);
        assertThat(confirm).isEnabled();
        confirm.click();

        awaitPage(page, listUrl());
        assertThat(flash(page)).hasText("Widget “" + widget.name() + "” deleted.");
        page.locator("#q").fill(widget.name());
        assertThat(page.locator(".empty-state")).containsText("No widget's name contains");
    }

    @Test
    void aNameThatIsMarkupIsShownAsTextAndNeverRuns(Page page) {
        String name = "<script>alert(1)</script>";
        List<String> dialogs = new ArrayList<>();
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        signIn(page, User.ADMIN);
        page.locator("#new-widget").click();
        page.locator("#name").fill(name);
        page.locator("#domains").fill("markup.example.com");
        page.locator("#save-widget").click();

        assertThat(page.locator("h1")).hasText("Widget “" + name + "” created");
        assertThat(page.locator("script:not([src])")).hasCount(0);

        page.navigate(listUrl());
        page.locator("#q").fill("<script>");
        assertThat(rows(page).locator(".widget-name")).hasText(new String[] { name });
        assertThat(page.locator("script:not([src])")).hasCount(0);
        Assertions.assertThat(dialogs).as("dialogs opened by the page").isEmpty();
    }

}
