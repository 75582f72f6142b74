package com.turnstileadmin.widget.web;

import static com.turnstileadmin.web.WebSliceTestConfiguration.ACCOUNT;
import static com.turnstileadmin.web.WebSliceTestConfiguration.WIDGETS;
import static com.turnstileadmin.widget.FakeTurnstileWidgets.SHOP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.turnstileadmin.audit.Attempt;
import com.turnstileadmin.audit.AuditAction;
import com.turnstileadmin.audit.AuditTrail;
import com.turnstileadmin.security.Role;
import com.turnstileadmin.security.SignedInUser;
import com.turnstileadmin.web.Route;
import com.turnstileadmin.web.WebSliceTest;
import com.turnstileadmin.widget.CloudflareApiException;
import com.turnstileadmin.widget.CloudflareError;
import com.turnstileadmin.widget.FakeTurnstileWidgets;
import com.turnstileadmin.widget.WidgetSecret;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"confirm-rotate\"", "id=\"invalidate-immediately\"")
                .doesNotContain("rotate-grace-warning");
        assertThat(cloudflare.calls()).containsExactly("get " + SHOP);
    }

    @Test
    void duringTheGracePeriodOfARotationMadeHereThePageSaysWhenAnotherIsPossible() throws Exception {
        audit.succeeded(new Attempt(new SignedInUser("local:admin", "admin", null, Role.ADMIN), ACCOUNT,
                AuditAction.ROTATE_SECRET, SHOP.value(), "Shop checkout", false, List.of()));

        String page = mvc.perform(CONFIRM.by(Role.ADMIN)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"rotate-grace-warning\"", "grace period ends at");
        assertThat(cloudflare.calls()).containsExactly("get " + SHOP);
    }

    @Test
    void adminRotatesAndSeesTheNewSecretOnceOnAResponseNoCacheKeeps() throws Exception {
        WidgetSecret previous = cloudflare.secret(SHOP);

        String page = mvc.perform(ROTATE.by(Role.ADMIN))
                .andExpect(status().isOk())
                .andExpect(view().name("widgets/rotate"))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<html", "id=\"new-secret\"", cloudflare.secret(SHOP).value(),
                "The previous secret no longer works.").doesNotContain(previous.value());
        assertThat(cloudflare.calls()).containsExactly("rotate " + SHOP);
    }

    @Test
    void invalidatingImmediatelyWithoutTheTypedCodeIsRefusedAndRotatesNothing() throws Exception {
        String page = mvc.perform(ROTATE.with("confirmation", "").by(Role.ADMIN))
                .andExpect(status().isUnprocessableContent())
                .andExpect(view().name("widgets/rotate"))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<html", "Type AAshop to invalidate the current secret immediately. Nothing was rotated.",
                        "class=\"danger\"", "Rotate and invalidate the old secret now")
                .containsPattern("id=\"invalidate-immediately\"[^>]*checked");
        assertThat(cloudflare.calls()).containsExactly("get " + SHOP);
    }

    @Test
    void aWrongCodeSentWithHtmxGetsTheDialogBackToSwapIntoIt() throws Exception {
        String fragment = mvc.perform(ROTATE.with("confirmation", "AAshoq").by(Role.ADMIN).header("HX-Request", "true"))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();

        assertThat(fragment.strip()).startsWith("<div id=\"rotate-body\"").doesNotContain("<html")
                .contains("id=\"rotate-confirmation\"", "aria-invalid=\"true\"");
        assertThat(cloudflare.calls()).doesNotContain("rotate " + SHOP);
    }

    @Test
    void keepingTheOldSecretNeedsNoCode() throws Exception {
        mvc.perform(Route.post(WIDGETS + "/" + SHOP + "/rotate").by(Role.ADMIN)).andExpect(status().isOk());

        assertThat(cloudflare.calls()).containsExactly("rotate " + SHOP);
    }

    @Test
    void htmxRotationGetsOnlyTheOutcome() throws Exception {
        String fragment = mvc.perform(ROTATE.with("invalidateImmediately", "false").by(Role.ADMIN)
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(fragment.strip()).startsWith("<div id=\"rotate-body\"").doesNotContain("<html")
                .contains(cloudflare.secret(SHOP).value(), "The previous secret keeps working for 2 hours.");
    }

    @Test
    void aRefusedRotationExplainsTheGracePeriodAndShowsNoSecret() throws Exception {
        cloudflare.failNextCallWith(new CloudflareApiException("rotate secret", 400,
                List.of(new CloudflareError(10001, "rotation not allowed yet"))));

        String page = mvc.perform(ROTATE.by(Role.ADMIN))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("The secret was not rotated", "Cloudflare says: <span>rotation not allowed yet</span>")
                .doesNotContain("id=\"new-secret\"", cloudflare.secret(SHOP).value());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("viewersAndEditors")
    void onlyAdminsMayRotateEvenWhenTheRequestIsForced(Role role, Route route) throws Exception {
        mvc.perform(route.by(role)).andExpect(status().isForbidden());

        assertThat(cloudflare.calls()).isEmpty();
    }

    @Test
    void rotatingWithoutACsrfTokenIsRefused() throws Exception {
        mvc.perform(ROTATE.withoutCsrfBy(Role.ADMIN)).andExpect(status().isForbidden());

        assertThat(cloudflare.calls()).isEmpty();
    }

    @Test
    void anonymousIsSentToSignIn() throws Exception {
        mvc.perform(CONFIRM.anonymously()).andExpect(redirectedUrl("/login"));

        assertThat(cloudflare.calls()).isEmpty();
    }

    static Stream<Arguments> viewersAndEditors() {
        return Route.each(List.of(Role.VIEWER, Role.EDITOR), CONFIRM, ROTATE);
    }
}
