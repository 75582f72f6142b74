package com.turnstileadmin.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistration.ProviderDetails;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * Discovery through {@code OIDC_DISCOVERY_URI}, over real HTTP: the document read where
 * the app reaches the provider, its endpoints taken as they are, and its issuer still
 * held to the configured one.
 */
class DiscoveryDocumentTest {

    /**
     * Where browsers reach the provider, as in Docker Compose; nothing listens there in
     * these tests.
     */
    private static final String BROWSER_FACING = "http://localhost:8180";

    private static final String ISSUER = BROWSER_FACING + "/realms/turnstile";

    private static final String DOCUMENT_PATH = "/realms/turnstile/.well-known/openid-configuration";

    @RegisterExtension
    static final WireMockExtension keycloak = WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort())
        .build();

    private final MockOAuth2Server provider = new MockOAuth2Server();

    @AfterEach
    void stopProvider() {
        provider.shutdown();
    }

    /**
     * What Keycloak 26 answers the app in Compose (recorded from one started with
     * {@code KC_HOSTNAME} and {@code KC_HOSTNAME_BACKCHANNEL_DYNAMIC=true}): the
     * browser's endpoints at the public address, the app's at the address it asked.
     */
    @Test
    void theDocumentReadWhereTheAppReachesTheProviderGivesBrowsersAndTheAppEachTheirEndpoints() throws IOException {
        String appFacing = keycloak.baseUrl();
        keycloak.stubFor(get(DOCUMENT_PATH).willReturn(okJson(splitDocument(appFacing, ISSUER))));

        ClientRegistration found = new DiscoveredClientRegistration(
                properties(ISSUER, appFacing + DOCUMENT_PATH, "demo-secret"))
            .registration();

        ProviderDetails provider = found.getProviderDetails();
        assertThat(provider.getIssuerUri()).isEqualTo(ISSUER);
        assertThat(provider.getAuthorizationUri()).isEqualTo(ISSUER + "/protocol/openid-connect/auth");
        assertThat(provider.getConfigurationMetadata()).containsEntry("end_session_endpoint",
                ISSUER + "/protocol/openid-connect/logout");
        assertThat(provider.getTokenUri()).isEqualTo(appFacing + "/realms/turnstile/protocol/openid-connect/token");
        assertThat(provider.getJwkSetUri()).isEqualTo(appFacing + "/realms/turnstile/protocol/openid-connect/certs");
        assertThat(provider.getUserInfoEndpoint().getUri())
            .isEqualTo(appFacing + "/realms/turnstile/protocol/openid-connect/userinfo");
        assertThat(found.getRegistrationId()).isEqualTo(DiscoveredClientRegistration.REGISTRATION_ID);
        assertThat(found.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        assertThat(found.getClientSettings().isRequireProofKey()).isTrue();
        keycloak.verify(1, getRequestedFor(urlEqualTo(DOCUMENT_PATH)));
    }

    /**
     * Spring's own discovery refuses it too: tokens would be checked against an issuer
     * nobody configured.
     */
    @Test
    void aDocumentNamingAnotherIssuerIsRefused() {
        provider.start();
        int port = provider.baseUrl().port();
        // mock-oauth2-server names the issuer after the address it was asked at:
        // 127.0.0.1, not localhost.
        DiscoveredClientRegistration registrations = new DiscoveredClientRegistration(
                properties("http://localhost:" + port + "/acme", "http://127.0.0.1:" + port + "/acme", "s3cret"));

        assertThatThrownBy(registrations::registration).isInstanceOf(IdentityProviderUnavailableException.class)
            .hasMessageNotContaining("s3cret")
            .cause()
            .hasMessage("the discovery document at http://127.0.0.1:" + port + "/acme/.well-known/openid-configuration"
                    + " names the issuer \"http://127.0.0.1:" + port + "/acme\", not the configured "
                    + OidcProperties.ISSUER_URI);
    }

    @Test
    void anIssuerAnnouncedWithALineBreakCannotForgeALogLine() throws IOException {
        String appFacing = keycloak.baseUrl();
        keycloak.stubFor(get(DOCUMENT_PATH).willReturn(okJson(splitDocument(appFacing, "evil\nINFO forged"))));

        assertThatThrownBy(
                new DiscoveredClientRegistration(properties(ISSUER, appFacing + DOCUMENT_PATH, null))::registration)
            .cause()
            .hasMessageContaining("names the issuer \"evil?INFO forged\"")
            .hasMessageNotContaining("\n");
    }

    /** Given as an issuer would be, the document is found where the issuer's would be. */
    @Test
    void aBaseAddressGetsTheStandardDocumentPath() {
        provider.start();
        String issuer = provider.issuerUrl("acme").toString();

        ClientRegistration found = new DiscoveredClientRegistration(properties(issuer, issuer + "/", null))
            .registration();

        assertThat(found.getProviderDetails().getIssuerUri()).isEqualTo(issuer);
        assertThat(found.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.NONE);
        assertThat(DiscoveryDocument.location("http://keycloak:8080/realms/acme//"))
            .hasToString("http://keycloak:8080/realms/acme/.well-known/openid-configuration");
        assertThat(DiscoveryDocument.location("http://keycloak:8080/.well-known/openid-configuration/realms/acme"))
            .hasToString("http://keycloak:8080/.well-known/openid-configuration/realms/acme");
    }

    /**
     * As with the issuer's own document: the sign-in page offers to try again, and the
     * next try asks anew.
     */
    @Test
    void aDocumentThatIsNotThereYetIsAskedForAgainAtTheNextSignIn() throws IOException {
        String appFacing = keycloak.baseUrl();
        keycloak.stubFor(get(DOCUMENT_PATH).willReturn(aResponse().withStatus(404).withBody("Realm does not exist")));
        DiscoveredClientRegistration registrations = new DiscoveredClientRegistration(
                properties(ISSUER, appFacing + DOCUMENT_PATH, null));

        assertThatThrownBy(registrations::registration)
            .isInstanceOfSatisfying(IdentityProviderUnavailableException.class,
                    e -> assertThat(e.issuer()).isEqualTo(ISSUER))
            .cause()
            .hasMessage("the discovery document at " + appFacing + DOCUMENT_PATH + " answered HTTP 404");

        keycloak.stubFor(get(DOCUMENT_PATH).willReturn(okJson(splitDocument(appFacing, ISSUER))));
        assertThat(registrations.registration().getProviderDetails().getIssuerUri()).isEqualTo(ISSUER);
        keycloak.verify(2, getRequestedFor(urlEqualTo(DOCUMENT_PATH)));
    }

    /** Keycloak's document with its two kinds of address filled in. */
    private static String splitDocument(String appFacing, String issuer) throws IOException {
        try (InputStream in = DiscoveryDocumentTest.class
            .getResourceAsStream("/security/keycloak-discovery-split.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                .replace("\"{browser}/realms/turnstile\"", "\"" + issuer.replace("\n", "\\n") + "\"")
                .replace("{browser}", BROWSER_FACING)
                .replace("{app}", appFacing);
        }
    }

    private static OidcProperties properties(String issuer, String discoveryUri, String secret) {
        return new OidcProperties(issuer, discoveryUri, "turnstile-admin", secret, null, null, null, null, null, null,
                null);
    }

}
