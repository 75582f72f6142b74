package com.turnstileadmin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

class SignedInUsersTest {

    private final SignedInUsers signedIn = new SignedInUsers();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @ParameterizedTest(name = "{0} may act as {1}: {2}")
    @CsvSource({ "VIEWER, VIEWER, true", "VIEWER, EDITOR, false", "VIEWER, ADMIN, false", "EDITOR, VIEWER, true",
            "EDITOR, EDITOR, true", "EDITOR, ADMIN, false", "ADMIN, VIEWER, true", "ADMIN, EDITOR, true",
            "ADMIN, ADMIN, true" })
    void eachRoleMayDoWhatTheRolesBelowItMay(Role role, Role asked, boolean may) {
        signIn(UsernamePasswordAuthenticationToken.authenticated("alice", null, role.authorities()));

        assertThat(signedIn.may(asked)).isEqualTo(may);
    }

    @Test
    void aUserWithoutARoleMayNothing() {
        signIn(UsernamePasswordAuthenticationToken.authenticated("nobody", null, List.of()));

        assertThat(signedIn.current()).isNotNull();
        assertThat(signedIn.may(Role.VIEWER)).isFalse();
    }

    @Test
    void nobodySignedInMayNothingAndIsNoUser() {
        assertThat(signedIn.may(Role.VIEWER)).isFalse();
        assertThat(signedIn.current()).isNull();

        signIn(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS", "ROLE_ADMIN")));
        assertThat(signedIn.may(Role.ADMIN)).as("an anonymous token is nobody, whatever it holds").isFalse();
        assertThat(signedIn.current()).isNull();

        signIn(UsernamePasswordAuthenticationToken.unauthenticated("alice", "password"));
        assertThat(signedIn.may(Role.VIEWER)).isFalse();
        assertThat(signedIn.current()).isNull();
    }

    private static void signIn(Authentication authentication) {
        SecurityContextHolder.getContext().setAuthentication(authentication);
    }

}
