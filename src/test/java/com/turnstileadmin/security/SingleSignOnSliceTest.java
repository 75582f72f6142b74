package com.turnstileadmin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.turnstileadmin.web.Route;
import com.turnstileadmin.web.WebSliceTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The sign-in pages and the no-access page with single sign-on configured, no break-glass
 * form, and a provider that cannot be reached (nothing listens on port 9).
 */
@WebSliceTest({ SignInController.class, NoAccessController.class })
@Import(SingleSignOnConfiguration.class)
@TestPropertySource(properties = { "oidc.issuer-uri=http://127.0.0.1:9/realms/acme", "oidc.client-id=turnstile-admin",
        "oidc.admin-groups=ta-admins", "oidc.viewer-groups=ta-viewers", "oidc.access-contact=the platform team" })
class SingleSignOnSliceTest {

    @Autowired
    private MockMvc mvc;

    @Autowired
    private ApplicationContext context;

    @Test
    void aProviderThatCannotBeReachedGetsAPageWithTryAgainInsteadOfAnError() throws Exception {
        String page = mvc.perform(Route.get("/login").anonymously())
            .andExpect(status().isServiceUnavailable())
            .andExpect(view().name("single-sign-on"))
            .andExpect(header().doesNotExist("Location"))
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page)
            .contains("Sign-in is unavailable", "The sign-in provider at 127.0.0.1 could not be reached",
                    "id=\"sign-in-again\" href=\"/login\"")
            .doesNotContain("local-sign-in");
    }

    @Test
    void aFailedSignInGetsAPageToTryAgainNotAnotherTripToTheProvider() throws Exception {
        String page = mvc.perform(Route.get("/login").anonymously().param("error", ""))
            .andExpect(status().isUnauthorized())
            .andExpect(header().doesNotExist("Location"))
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("Sign-in did not work", ">Try again</a>");
    }

    @Test
    void signingOutWhereTheProviderOffersNoEndSessionSaysItsSessionMayStillBeOpen() throws Exception {
        String page = mvc.perform(Route.get("/login").anonymously().param("signed-out", "app"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("You are signed out of Turnstile Admin.", "you may still be signed in there");
    }

    /**
     * Signing out from a page whose session has ended: the form's CSRF token is of the
     * old session. Sent to sign-in, the user went straight on to the provider, whose
     * session signed them in again.
     */
    @Test
    void signingOutAfterTheSessionEndedSaysSoInsteadOfSigningInAgainAtTheProvider() throws Exception {
        mvc.perform(post("/logout").with(csrf().useInvalidToken()))
            .andExpect(redirectedUrl(SignOutSuccessHandler.SIGNED_OUT_OF_APP_ONLY));
        mvc.perform(post("/logout").with(csrf().useInvalidToken()).header("HX-Request", "true"))
            .andExpect(header().string("HX-Redirect", SignOutSuccessHandler.SIGNED_OUT_OF_APP_ONLY));
    }

    /**
     * Nobody signed in, so the provider was not asked to end its session: the page must
     * not say it was.
     */
    @Test
    void signingOutWithoutASessionDoesNotClaimTheProvidersSessionEnded() throws Exception {
        mvc.perform(Route.post("/logout").anonymously())
            .andExpect(redirectedUrl(SignOutSuccessHandler.SIGNED_OUT_OF_APP_ONLY));
    }

    @Test
    void withoutBreakGlassThereAreNoLocalUsersAndTheFormIsNeitherShownNorProcessed() throws Exception {
        assertThat(context.getBeansOfType(UserDetailsService.class)).isEmpty();

        mvc.perform(Route.get("/login").anonymously().param("local", "")).andExpect(view().name("single-sign-on"));
        mvc.perform(formLogin().user(LocalSignInProperties.ADMIN).password(WebSliceTest.ADMIN_PASSWORD))
            .andExpect(unauthenticated());
    }

    @Test
    void theNoAccessPageNamesTheUserTheGroupsThatGiveAccessAndWhomToAskAndOffersSignOut() throws Exception {
        String page = mvc.perform(Route.get("/no-access").anonymously().with(withoutRole()))
            .andExpect(status().isForbidden())
            .andExpect(view().name("no-access"))
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page)
            .contains("You are signed in as <strong>nora</strong> (<span>nora@example.com</span>)",
                    "admin: <span>ta-admins</span>", "viewer: <span>ta-viewers</span>",
                    "Ask <span>the platform team</span>", "id=\"no-access-sign-out\"", "name=\"_csrf\"")
            .doesNotContain("editor:");
    }

    @Test
    void pagesMaySendAFormToTheProviderForSigningOutThere() throws Exception {
        mvc.perform(Route.get("/login").anonymously().param("error", ""))
            .andExpect(header().string("Content-Security-Policy",
                    org.hamcrest.Matchers.containsString("form-action 'self' http://127.0.0.1:9;")));
    }

    /**
     * A provider user as {@link MappedOidcUserService} makes one whose groups give no
     * role.
     */
    private static OidcLoginRequestPostProcessor withoutRole() {
        OidcIdToken token = new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(60),
                Map.of("sub", "nora-subject", "preferred_username", "nora", "email", "nora@example.com"));
        return oidcLogin().oidcUser(new DefaultOidcUser(List.of(), token, "preferred_username"));
    }

}
