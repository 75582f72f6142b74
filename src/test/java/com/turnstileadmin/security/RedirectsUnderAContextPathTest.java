package com.turnstileadmin.security;

import static com.turnstileadmin.web.WebSliceTestConfiguration.WIDGETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.turnstileadmin.web.WebSliceTest;
import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Where the security chain sends a browser when the app is served under a context path
 * ({@code server.servlet.context-path=/admin}): every redirect, {@code HX-Redirect} and
 * page to go back to after sign-in stays under it. Single sign-on with the break-glass
 * form, as both ways of signing in are there.
 */
@WebSliceTest({ SignInController.class, NoAccessController.class })
@Import(SingleSignOnConfiguration.class)
@TestPropertySource(properties = { "oidc.issuer-uri=http://127.0.0.1:9/realms/acme", "oidc.client-id=turnstile-admin",
        "oidc.admin-groups=ta-admins", "local-sign-in.enabled=true" })
class RedirectsUnderAContextPathTest {

    private static final String CONTEXT = "/admin";

    @Autowired
    private MockMvc mvc;

    @Test
    void aDeepLinkGoesToSignInAndBackToItsPageUnderTheContextPath() throws Exception {
        Cookie kept = mvc.perform(get(WIDGETS + "?size=10"))
            .andExpect(redirectedUrl(CONTEXT + "/login"))
            .andReturn()
            .getResponse()
            .getCookie(ContinueCookie.NAME);
        assertThat(kept).as("the page to go back to").isNotNull();

        mvc.perform(post("/login").param("username", LocalSignInProperties.ADMIN)
            .param("password", WebSliceTest.ADMIN_PASSWORD)
            .cookie(kept)).andExpect(redirectedUrl(CONTEXT + WIDGETS + "?size=10"));
    }

    @Test
    void aSignInWithoutAPageToGoBackToStartsAtTheContextPathsStartPage() throws Exception {
        mvc.perform(post("/login").param("username", LocalSignInProperties.ADMIN)
            .param("password", WebSliceTest.ADMIN_PASSWORD)).andExpect(redirectedUrl(CONTEXT + "/"));
        mvc.perform(post("/login").param("username", LocalSignInProperties.ADMIN).param("password", "wrong"))
            .andExpect(redirectedUrl(CONTEXT + SecurityConfiguration.LOCAL_SIGN_IN_PAGE + "&error"));
    }

    @Test
    void aUserWithoutRoleIsSentToTheNoAccessPageUnderTheContextPath() throws Exception {
        mvc.perform(get(WIDGETS).with(withoutRole())).andExpect(redirectedUrl(CONTEXT + NoAccessController.PAGE));
        mvc.perform(get(WIDGETS).with(withoutRole()).header("HX-Request", "true"))
            .andExpect(status().isForbidden())
            .andExpect(header().string("HX-Redirect", CONTEXT + NoAccessController.PAGE));
    }

    @Test
    void signingOutLeadsToTheSignInPagesUnderTheContextPath() throws Exception {
        mvc.perform(post("/logout").with(SignedIn.admin()))
            .andExpect(redirectedUrl(CONTEXT + SecurityConfiguration.LOCAL_SIGN_IN_PAGE + "&signed-out"));
        mvc.perform(post("/logout")).andExpect(redirectedUrl(CONTEXT + SignOutSuccessHandler.SIGNED_OUT_OF_APP_ONLY));
        // From a page of an ended session: its CSRF token is of the old one.
        mvc.perform(post("/logout").with(csrf().useInvalidToken()).header("HX-Request", "true"))
            .andExpect(header().string("HX-Redirect", CONTEXT + SignOutSuccessHandler.SIGNED_OUT_OF_APP_ONLY));
    }

    @Test
    void theSignInPagesLinkAndPostUnderTheContextPath() throws Exception {
        String form = mvc.perform(get("/login").param("local", ""))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(Jsoup.parse(form).select("main form").eachAttr("action")).containsExactly(CONTEXT + "/login");
        assertThat(Jsoup.parse(form).selectFirst("#single-sign-on").attr("href")).isEqualTo(CONTEXT + "/login");

        String signedOut = mvc.perform(get("/login?signed-out=app")).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(signedOut).select("#sign-in-again, #local-sign-in").eachAttr("href"))
            .containsExactly(CONTEXT + "/login", CONTEXT + "/login?local");

        String noAccess = mvc.perform(get(NoAccessController.PAGE).with(withoutRole()))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(Jsoup.parse(noAccess).select("form").eachAttr("action")).containsOnly(CONTEXT + "/logout");
    }

    private static MockHttpServletRequestBuilder get(String path) {
        return MockMvcRequestBuilders.get(CONTEXT + path).contextPath(CONTEXT);
    }

    private static MockHttpServletRequestBuilder post(String path) {
        return MockMvcRequestBuilders.post(CONTEXT + path).contextPath(CONTEXT).with(csrf());
    }

    /**
     * A provider user whose groups give no role, as {@link MappedOidcUserService} makes
     * one.
     */
    private static org.springframework.test.web.servlet.request.RequestPostProcessor withoutRole() {
        OidcIdToken token = new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(60),
                Map.of("sub", "nora-subject", "preferred_username", "nora"));
        return oidcLogin().oidcUser(new DefaultOidcUser(List.of(), token, "preferred_username"));
    }

}
