package com.turnstileadmin.widget.web;

import static com.turnstileadmin.web.WebSliceTestConfiguration.ACCOUNT;
import static com.turnstileadmin.web.WebSliceTestConfiguration.WIDGETS;
import static com.turnstileadmin.widget.FakeTurnstileWidgets.SHOP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.turnstileadmin.audit.Attempt;
import com.turnstileadmin.audit.AuditAction;
import com.turnstileadmin.audit.AuditTrail;
import com.turnstileadmin.security.Role;
import com.turnstileadmin.security.SignedInUser;
import com.turnstileadmin.web.Html;
import com.turnstileadmin.web.Route;
import com.turnstileadmin.web.WebSliceTest;
import com.turnstileadmin.widget.CloudflareApiException;
import com.turnstileadmin.widget.CloudflareError;
import com.turnstileadmin.widget.FakeTurnstileWidgets;
import com.turnstileadmin.widget.WidgetSecret;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@WebSliceTest(WidgetRotateController.class)
class WidgetRotateControllerTest {

    private static final Route CONFIRM = Route.get(WIDGETS + "/" + SHOP + "/rotate");

    private static final Route ROTATE = Route.post(WIDGETS + "/" + SHOP + "/rotate", "invalidateImmediately", "true",
            "confirmation", "AAshop");

    @Autowired
    private MockMvc mvc;

    @Autowired
    private FakeTurnstileWidgets cloudflare;

    @Autowired
    private AuditTrail audit;

    @Test
    void adminIsAskedToConfirmTheRotation() throws Exception {
        String page = mvc.perform(CONFIRM.by(Role.ADMIN))
            .andExpect(status().isOk())
            .andExpect(view().name("widgets/rotate"))
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(Html.ids(page)).contains("confirm-rotate", "invalidate-immediately")
            .doesNotContain("rotate-grace-warning");
        assertThat(Html.first(page, "#invalidate-immediately").hasAttr("checked"))
            .as("keeping the old one is the default")
            .isFalse();
        assertThat(cloudflare.calls()).containsExactly("get " + SHOP);
    }

    @Test
    void duringTheGracePeriodOfARotationMadeHereThePageSaysWhenAnotherIsPossible() throws Exception {
        audit.succeeded(new Attempt(new SignedInUser("local:admin", "admin", null, Role.ADMIN), ACCOUNT,
                AuditAction.ROTATE_SECRET, SHOP.value(), "Shop checkout", false, List.of()));

        String page = mvc.perform(CONFIRM.by(Role.ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(Html.text(page, "#rotate-grace-warning")).contains("grace period ends at");
        assertThat(cloudflare.calls()).containsExactly("get " + SHOP);
    }

    @Test
    void adminRotatesAndSeesTheNewSecretOnceOnAResponseNoCacheKeeps() throws Exception {
        WidgetSecret previous = cloudflare.secret(SHOP);

        String page = mvc.perform(ROTATE.by(Role.ADMIN))
            .andExpect(status().isOk())
            .andExpect(view().name("widgets/rotate"))
            .andExpect(header().string("Cache-Control", "no-store"))
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("<html", "The previous secret no longer works.").doesNotContain(previous.value());
        assertThat(Html.text(page, "#new-secret")).isEqualTo(cloudflare.secret(SHOP).value());
        assertThat(cloudflare.calls()).containsExactly("rotate " + SHOP);
    }

    @Test
    void invalidatingImmediatelyWithoutTheTypedCodeIsRefusedAndRotatesNothing() throws Exception {
        String page = mvc.perform(ROTATE.with("confirmation", "").by(Role.ADMIN))
            .andExpect(status().isUnprocessableContent())
            .andExpect(view().name("widgets/rotate"))
            .andReturn()
            .getResponse()
            .getContentAsString();

        Document confirm = Html.parse(page);
        assertThat(page).contains("<html");
        assertThat(confirm.expectFirst("#rotate-confirmation-message").text())
            .isEqualTo("Type AAshop to invalidate the current secret immediately. Nothing was rotated.");
        assertThat(confirm.expectFirst("#confirm-rotate").classNames()).contains("danger");
        assertThat(confirm.expectFirst("#confirm-rotate").text()).isEqualTo("Rotate and invalidate the old secret now");
        assertThat(confirm.expectFirst("#invalidate-immediately").hasAttr("checked")).isTrue();
        assertThat(cloudflare.calls()).containsExactly("get " + SHOP);
    }

    @Test
    void aWrongCodeSentWithHtmxGetsTheDialogBackToSwapIntoIt() throws Exception {
        String fragment = mvc.perform(ROTATE.with("confirmation", "AAshoq").by(Role.ADMIN).header("HX-Request", "true"))
            .andExpect(status().isUnprocessableContent())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(fragment.strip()).startsWith("<div id=\"rotate-body\"").doesNotContain("<html");
        assertThat(Html.first(fragment, "#rotate-confirmation").attr("aria-invalid")).isEqualTo("true");
        assertThat(cloudflare.calls()).as("the widget read for the dialog, nothing rotated")
            .containsExactly("get " + SHOP);
    }

    @Test
    void keepingTheOldSecretNeedsNoCode() throws Exception {
        mvc.perform(Route.post(WIDGETS + "/" + SHOP + "/rotate").by(Role.ADMIN)).andExpect(status().isOk());

        assertThat(cloudflare.calls()).containsExactly("rotate " + SHOP);
    }

    @Test
    void htmxRotationGetsOnlyTheOutcome() throws Exception {
        String fragment = mvc
            .perform(ROTATE.with("invalidateImmediately", "false").by(Role.ADMIN).header("HX-Request", "true"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(fragment.strip()).startsWith("<div id=\"rotate-body\"")
            .doesNotContain("<html")
            .contains("The previous secret keeps working for 2 hours.");
        assertThat(Html.text(fragment, "#new-secret")).isEqualTo(cloudflare.secret(SHOP).value());
        assertThat(cloudflare.calls()).containsExactly("rotate " + SHOP);
    }

    @Test
    void aRefusedRotationExplainsTheGracePeriodAndShowsNoSecret() throws Exception {
        cloudflare.failNextCallWith(new CloudflareApiException("rotate secret", 400,
                List.of(new CloudflareError(10001, "rotation not allowed yet"))));

        String page = mvc.perform(ROTATE.by(Role.ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(Html.text(page, "#rotate-title")).isEqualTo("The secret was not rotated");
        assertThat(page).contains("Cloudflare says: <span>rotation not allowed yet</span>")
            .doesNotContain(cloudflare.secret(SHOP).value());
        assertThat(Html.ids(page)).doesNotContain("new-secret");
        assertThat(cloudflare.calls()).containsExactly("rotate " + SHOP);
    }

}
