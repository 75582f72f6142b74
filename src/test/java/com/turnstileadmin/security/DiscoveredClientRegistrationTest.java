package com.turnstileadmin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/** Discovery against a real OIDC provider that is down, comes up, and goes down again. */
class DiscoveredClientRegistrationTest {

    private final MockOAuth2Server provider = new MockOAuth2Server();

    @AfterEach
    void stopProvider() {
        provider.shutdown();
    }

    @Test
    void aProviderThatIsDownIsAskedAgainNextTimeAndOnceFoundIsKept() throws IOException {
        int port = freePort();
        DiscoveredClientRegistration registrations = new DiscoveredClientRegistration(
                properties("http://localhost:" + port + "/acme", "s3cret"));

        assertThatThrownBy(registrations::registration)
                .isInstanceOfSatisfying(IdentityProviderUnavailableException.class,
                        e -> assertThat(e.issuer()).isEqualTo("http://localhost:" + port + "/acme"))
                .hasMessageNotContaining("s3cret");

        provider.start(port);
        ClientRegistration found = registrations.registration();
        provider.shutdown();

        assertThat(registrations.findByRegistrationId("oidc")).isSameAs(found);
        assertThat(registrations.findByRegistrationId("github")).isNull();
        assertThat(found.getProviderDetails().getAuthorizationUri()).isEqualTo("http://localhost:" + port + "/acme/authorize");
        assertThat(found.getProviderDetails().getConfigurationMetadata()).containsKey("end_session_endpoint");
        assertThat(found.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        assertThat(found.getClientSettings().isRequireProofKey()).isTrue();
        assertThat(found.getScopes()).containsExactlyInAnyOrder("openid", "profile", "email");
    }

    @Test
    void withoutASecretTheAppIsAPublicClientThatPkceProtects() {
        provider.start();
        ClientRegistration found = new DiscoveredClientRegistration(
                properties(provider.issuerUrl("acme").toString(), null)).registration();

        assertThat(found.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.NONE);
        assertThat(found.getClientSettings().isRequireProofKey()).isTrue();
    }

    private static OidcProperties properties(String issuer, String secret) {
        return new OidcProperties(issuer, "turnstile-admin", secret, null, null, null, null, null, null, null);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
