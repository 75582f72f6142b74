package com.turnstileadmin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.turnstileadmin.web.Route;
import com.turnstileadmin.web.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@WebSliceTest(SignInController.class)
class SignInControllerTest {

    private static final Route SIGN_IN = Route.get("/login");

    @Autowired
    private MockMvc mvc;

    @Test
    void anonymousSeesTheSignInForm() throws Exception {
        String page = mvc.perform(SIGN_IN.anonymously())
            .andExpect(status().isOk())
            .andExpect(view().name("sign-in"))
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("id=\"sign-in\"", "name=\"_csrf\"").doesNotContain("Sign out");
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRoleMayOpenTheSignInFormAgain(Role role) throws Exception {
        mvc.perform(SIGN_IN.by(role)).andExpect(status().isOk()).andExpect(view().name("sign-in"));
    }

    @Test
    void theLocalAdminSignsInAndStartsOnTheHomePage() throws Exception {
        mvc.perform(formLogin().user(LocalSignInProperties.ADMIN).password(WebSliceTest.ADMIN_PASSWORD))
            .andExpect(redirectedUrl("/"))
            .andExpect(authenticated().withUsername("admin")
                .withAuthentication(
                        signedIn -> assertThat(Role.highestOf(signedIn.getAuthorities())).isEqualTo(Role.ADMIN)));
    }

    @Test
    void aWrongPasswordComesBackToTheFormWithAnError() throws Exception {
        mvc.perform(formLogin().user(LocalSignInProperties.ADMIN).password("not-the-password"))
            .andExpect(redirectedUrl("/login?error"))
            .andExpect(unauthenticated());
    }

}
