package com.turnstileadmin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

class SignedInUserTest {

    @Test
    void aLocalUserIsTheirNameWithTheLocalPrefixAndNoEmail() {
        var authentication = UsernamePasswordAuthenticationToken.authenticated("alice", null,
                Role.EDITOR.authorities());

        assertThat(SignedInUser.of(authentication))
            .isEqualTo(new SignedInUser("local:alice", "alice", null, Role.EDITOR));
    }

    @Test
    void aProviderUserIsTheirSubjectWithTheDisplayNameAndEmailOfTheirToken() {
        OidcIdToken token = new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(60),
                Map.of("sub", "8f2c", "preferred_username", "bob", "email", "bob@example.com"));
        var user = new DefaultOidcUser(Role.VIEWER.authorities(), token, "preferred_username");
        var authentication = new OAuth2AuthenticationToken(user, user.getAuthorities(), "oidc");

        assertThat(SignedInUser.of(authentication))
            .isEqualTo(new SignedInUser("8f2c", "bob", "bob@example.com", Role.VIEWER));
    }

    @Test
    void aUserWithoutRoleHasNone() {
        var authentication = UsernamePasswordAuthenticationToken.authenticated("carol", null, java.util.List.of());

        assertThat(SignedInUser.of(authentication).role()).isNull();
    }

}
