package com.turnstileadmin.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.sandbox.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A provider user's session takes on the role that the groups configured now give the
 * groups their ID token listed at sign-in (the app asks the provider nothing after it); a
 * session without the sign-in's record, or older than the longest lifetime, ends. The
 * local users' part runs over HTTP in {@link RevokedAccessTest}.
 */
class SessionChecksTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T08:00:00Z"));

    @Test
    void aProviderUserTakesOnTheRoleTheirGroupsGiveNow() {
        // Signed in as an admin of "ops"; since then "ops" gives only the editor's role.
        SessionChecks checks = checks(List.of("leads"), List.of("ops"));
        MockHttpSession session = signedIn(checks, provider(Role.ADMIN, "ops"));

        SessionChecks.Verdict verdict = checks.check(provider(Role.ADMIN, "ops"), session);

        assertThat(verdict).isInstanceOfSatisfying(SessionChecks.Verdict.Change.class, change -> {
            assertThat(Role.highestOf(change.authentication().getAuthorities())).isEqualTo(Role.EDITOR);
            assertThat(change.authentication().getName()).isEqualTo("ada");
            assertThat(((OAuth2AuthenticationToken) change.authentication()).getAuthorizedClientRegistrationId())
                .isEqualTo("oidc");
        });
    }

    @Test
    void aProviderUserWhoseGroupsGiveNoRoleAnyLongerKeepsNone() {
        SessionChecks checks = checks(List.of("leads"), List.of());
        MockHttpSession session = signedIn(checks, provider(Role.EDITOR, "ops"));

        SessionChecks.Verdict verdict = checks.check(provider(Role.EDITOR, "ops"), session);

        assertThat(verdict).isInstanceOfSatisfying(SessionChecks.Verdict.Change.class,
                change -> assertThat(change.authentication().getAuthorities()).isEmpty());
    }

    @Test
    void aProviderUserWhoseRoleIsUnchangedGoesOnUntilTheLongestLifetimeEnds() {
        SessionChecks checks = checks(List.of("ops"), List.of());
        MockHttpSession session = signedIn(checks, provider(Role.ADMIN, "ops"));

        clock.advance(Duration.ofHours(12));
        assertThat(checks.check(provider(Role.ADMIN, "ops"), session)).isInstanceOf(SessionChecks.Verdict.Keep.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(checks.check(provider(Role.ADMIN, "ops"), session)).isInstanceOf(SessionChecks.Verdict.End.class);
    }

    @Test
    void aSignedInSessionWithoutTheSignInsRecordEnds() {
        SessionChecks checks = checks(List.of("ops"), List.of());

        assertThat(checks.check(provider(Role.ADMIN, "ops"), new MockHttpSession()))
            .isInstanceOf(SessionChecks.Verdict.End.class);
    }

    private SessionChecks checks(List<String> adminGroups, List<String> editorGroups) {
        OidcProperties oidc = new OidcProperties("https://sso.example.com", null, "turnstile-admin", null, null, null,
                null, adminGroups, editorGroups, null, null);
        return new SessionChecks(null, oidc, Duration.ofHours(12), clock);
    }

    private static MockHttpSession signedIn(SessionChecks checks, OAuth2AuthenticationToken authentication) {
        MockHttpSession session = new MockHttpSession();
        checks.signedIn(authentication, session);
        return session;
    }

    /**
     * Ada as signed in: with the role she got then, and the groups her ID token listed.
     */
    private static OAuth2AuthenticationToken provider(Role roleAtSignIn, String... groups) {
        Instant issued = Instant.parse("2026-12-04T08:00:00Z");
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token")
            .subject("ada-subject")
            .claim("preferred_username", "ada")
            .claim("groups", List.of(groups))
            .issuer("https://sso.example.com")
            .issuedAt(issued)
            .expiresAt(issued.plusSeconds(300))
            .build();
        DefaultOidcUser user = new DefaultOidcUser(roleAtSignIn.authorities(), idToken, "preferred_username");
        return new OAuth2AuthenticationToken(user, roleAtSignIn.authorities(), "oidc");
    }

}
