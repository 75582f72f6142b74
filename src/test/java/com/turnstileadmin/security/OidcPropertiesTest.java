package com.turnstileadmin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.turnstileadmin.account.InvalidSettingException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OidcPropertiesTest {

    private static final String ISSUER = "https://sso.example.com/realms/acme";

    @Test
    void withNothingSetThereIsNoSingleSignOnAndTheDefaultsHold() {
        OidcProperties properties = properties(" ", "", null, null, null);

        assertThat(properties.isConfigured()).isFalse();
        assertThat(properties.scopes()).containsExactly("openid", "profile", "email");
        assertThat(properties.nameClaim()).isEqualTo("preferred_username");
        assertThat(properties.rolesClaim()).isEqualTo("groups");
        assertThat(properties.accessContact()).isEqualTo(OidcProperties.DEFAULT_ACCESS_CONTACT);
        assertThat(properties.hasGroups()).isFalse();
    }

    @Test
    void groupListsFromAnEnvironmentVariableAreTrimmedAndBlanksDropped() {
        OidcProperties properties = new OidcProperties(ISSUER, " ", "turnstile-admin", null,
                List.of(" openid", "groups "), " ", "\t", List.of(" ta-admins", "", "ops "), null, List.of(" "), " ");

        assertThat(properties.isConfigured()).isTrue();
        assertThat(properties.discoveryUri()).isNull();
        assertThat(properties.scopes()).containsExactly("openid", "groups");
        assertThat(properties.adminGroups()).containsExactly("ta-admins", "ops");
        assertThat(properties.editorGroups()).isEmpty();
        assertThat(properties.viewerGroups()).isEmpty();
        assertThat(properties.nameClaim()).isEqualTo("preferred_username");
        assertThat(properties.rolesClaim()).isEqualTo("groups");
        assertThat(properties.hasGroups()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "sso.example.com", "ftp://sso.example.com", "https://user:pass@sso.example.com/realms/a",
            "https://sso.example.com/realms/a?x=1", "https://sso.example.com/#a", "https://exa mple.com" })
    void anIssuerThatIsNotAPlainHttpUrlStopsStartUpWithoutShowingIt(String issuer) {
        assertThatThrownBy(() -> properties(issuer, "turnstile-admin", "s3cret", null, null))
            .isInstanceOfSatisfying(InvalidSettingException.class,
                    e -> assertThat(e.setting()).isEqualTo(OidcProperties.ISSUER_URI))
            .message()
            .doesNotContain("pass@", "s3cret");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "an issuer without client id      | " + ISSUER
                    + " | null            | null   | OIDC_CLIENT_ID (oidc.client-id) is missing",
            "a client id without issuer       | null           | turnstile-admin | null   | OIDC_ISSUER_URI (oidc.issuer-uri) is missing",
            "a client secret without issuer   | null           | null            | s3cret | OIDC_ISSUER_URI (oidc.issuer-uri) is missing" })
    void halfASingleSignOnSettingStopsStartUp(String name, String issuer, String clientId, String secret,
            String message) {
        assertThatThrownBy(() -> properties(issuer, clientId, secret, null, null))
            .isInstanceOf(InvalidSettingException.class)
            .hasMessageStartingWith(message)
            .message()
            .doesNotContain("s3cret");
    }

    @Test
    void aDiscoveryUriIsKeptTrimmedNextToTheIssuer() {
        OidcProperties properties = withDiscovery(ISSUER,
                " http://keycloak:8080/realms/acme/.well-known/openid-configuration ");

        assertThat(properties.issuerUri()).isEqualTo(ISSUER);
        assertThat(properties.discoveryUri())
            .isEqualTo("http://keycloak:8080/realms/acme/.well-known/openid-configuration");
        assertThat(properties.toString()).contains("discoveryUri=http://keycloak:8080/realms/acme/");
    }

    @ParameterizedTest
    @ValueSource(strings = { "keycloak:8080/realms/acme", "file:///etc/passwd",
            "http://user:s3cret@keycloak:8080/realms/a", "http://keycloak:8080/realms/a?x=1",
            "http://keycloak:8080/realms/a#b", "http://key cloak/realms/a" })
    void aDiscoveryUriThatIsNotAPlainHttpUrlStopsStartUpWithoutShowingIt(String discoveryUri) {
        assertThatThrownBy(() -> withDiscovery(ISSUER, discoveryUri))
            .isInstanceOfSatisfying(InvalidSettingException.class,
                    e -> assertThat(e.setting()).isEqualTo(OidcProperties.DISCOVERY_URI))
            .message()
            .doesNotContain("s3cret", "user:");
    }

    /**
     * The discovery document only says where an issuer's endpoints are: without the
     * issuer it means nothing.
     */
    @Test
    void aDiscoveryUriWithoutIssuerStopsStartUp() {
        assertThatThrownBy(() -> withDiscovery(" ", "http://keycloak:8080/realms/acme"))
            .isInstanceOf(InvalidSettingException.class)
            .hasMessageStartingWith("OIDC_ISSUER_URI (oidc.issuer-uri) is missing, but")
            .hasMessageContaining("OIDC_DISCOVERY_URI");
    }

    @Test
    void scopesWithoutOpenidAreRefused() {
        assertThatThrownBy(() -> properties(ISSUER, "turnstile-admin", null, List.of("profile"), null))
            .hasMessage("OIDC_SCOPES (oidc.scopes) must include openid");
    }

    @Test
    void toStringNeverShowsTheClientSecret() {
        OidcProperties properties = properties(ISSUER, "turnstile-admin", "s3cret-value", null, List.of("ta-admins"));

        assertThat(properties.toString()).contains(ISSUER, "turnstile-admin", "clientSecret=set", "ta-admins")
            .doesNotContain("s3cret-value");
    }

    private static OidcProperties properties(String issuer, String clientId, String secret, List<String> scopes,
            List<String> adminGroups) {
        return new OidcProperties(issuer, null, clientId, secret, scopes, null, null, adminGroups, null, null, null);
    }

    private static OidcProperties withDiscovery(String issuer, String discoveryUri) {
        return new OidcProperties(issuer, discoveryUri, "turnstile-admin", null, null, null, null, null, null, null,
                null);
    }

}
