package com.turnstileadmin.security;

import com.turnstileadmin.account.InvalidSettingException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Single sign-on through an OpenID Connect provider (Keycloak, Entra ID, Okta, Google,
 * Authentik...), found by discovery from its issuer. Unset issuer: no single sign-on, the
 * local sign-in form only. Blank values count as unset; {@link #toString()} never shows
 * the client secret.
 *
 * @param issuerUri the provider's issuer ({@code OIDC_ISSUER_URI}), e.g.
 * {@code https://sso.example.com/realms/acme}; its
 * {@code /.well-known/openid-configuration} is read on the first sign-in, not at start-up
 * @param discoveryUri where the app itself reads the provider's discovery document
 * ({@code OIDC_DISCOVERY_URI}), when it reaches the provider at another address than
 * browsers do, e.g.
 * {@code http://keycloak:8080/realms/acme/.well-known/openid-configuration} inside Docker
 * Compose while browsers use {@code http://localhost:8180/realms/acme}; given without a
 * {@code /.well-known/} path, {@code /.well-known/openid-configuration} is added. The
 * document's {@code issuer} must still be {@code issuerUri}. Default: the issuer's own
 * discovery document
 * @param clientId the app's client id at the provider ({@code OIDC_CLIENT_ID}); required
 * with an issuer
 * @param clientSecret the client secret ({@code OIDC_CLIENT_SECRET}); unset makes the app
 * a public client, which PKCE alone protects
 * @param scopes the scopes asked for ({@code OIDC_SCOPES}); default
 * {@code openid, profile, email}; some providers only put groups into tokens for a scope
 * such as {@code groups}
 * @param nameClaim the claim whose value the page header shows ({@code OIDC_NAME_CLAIM});
 * default {@code preferred_username}, falling back to {@code email}, {@code name}, then
 * {@code sub}
 * @param rolesClaim the claim holding the user's groups or roles
 * ({@code OIDC_ROLES_CLAIM}); default {@code groups}; a dotted path such as
 * {@code realm_access.roles} reaches into a nested claim
 * @param adminGroups groups whose members are admins ({@code OIDC_ADMIN_GROUPS},
 * comma-separated)
 * @param editorGroups groups whose members are editors ({@code OIDC_EDITOR_GROUPS})
 * @param viewerGroups groups whose members are viewers ({@code OIDC_VIEWER_GROUPS})
 * @param accessContact whom a signed-in user without a role should ask for access
 * ({@code OIDC_ACCESS_CONTACT}), e.g. {@code the IT service desk (it@example.com)};
 * default "whoever runs Turnstile Admin for your team"
 */
@ConfigurationProperties("oidc")
public record OidcProperties(@Nullable String issuerUri, @Nullable String discoveryUri, @Nullable String clientId,
        @Nullable String clientSecret, @Nullable List<String> scopes, @Nullable String nameClaim,
        @Nullable String rolesClaim, @Nullable List<String> adminGroups, @Nullable List<String> editorGroups,
        @Nullable List<String> viewerGroups, @Nullable String accessContact) {

    static final String ISSUER_URI = "OIDC_ISSUER_URI (oidc.issuer-uri)";
    static final String DISCOVERY_URI = "OIDC_DISCOVERY_URI (oidc.discovery-uri)";
    static final String CLIENT_ID = "OIDC_CLIENT_ID (oidc.client-id)";
    static final String SCOPES = "OIDC_SCOPES (oidc.scopes)";
    static final String DEFAULT_NAME_CLAIM = "preferred_username";
    static final String DEFAULT_ROLES_CLAIM = "groups";
    static final String DEFAULT_ACCESS_CONTACT = "whoever runs Turnstile Admin for your team";

    public OidcProperties {
        issuerUri = textOrNull(issuerUri);
        discoveryUri = textOrNull(discoveryUri);
        clientId = textOrNull(clientId);
        clientSecret = textOrNull(clientSecret);
        scopes = names(scopes);
        if (scopes.isEmpty()) {
            scopes = List.of("openid", "profile", "email");
        }
        nameClaim = textOr(nameClaim, DEFAULT_NAME_CLAIM);
        rolesClaim = textOr(rolesClaim, DEFAULT_ROLES_CLAIM);
        adminGroups = names(adminGroups);
        editorGroups = names(editorGroups);
        viewerGroups = names(viewerGroups);
        accessContact = textOr(accessContact, DEFAULT_ACCESS_CONTACT);
        if (issuerUri == null) {
            // A client id without an issuer is a typo in the issuer's name, not a wish
            // for the local form.
            if (clientId != null || clientSecret != null || discoveryUri != null) {
                throw new InvalidSettingException(ISSUER_URI, "is missing, but OIDC_CLIENT_ID, OIDC_CLIENT_SECRET or "
                        + "OIDC_DISCOVERY_URI is set: give the provider's issuer URI too");
            }
        }
        else {
            checkUrl(ISSUER_URI, issuerUri, "https://sso.example.com/realms/acme");
            if (discoveryUri != null) {
                checkUrl(DISCOVERY_URI, discoveryUri,
                        "http://keycloak:8080/realms/acme/.well-known/openid-configuration");
            }
            if (clientId == null) {
                throw new InvalidSettingException(CLIENT_ID, "is missing: single sign-on needs the app's client id");
            }
            if (!scopes.contains("openid")) {
                throw new InvalidSettingException(SCOPES, "must include openid");
            }
        }
    }

    /** Whether single sign-on is configured: an issuer is set. */
    public boolean isConfigured() {
        return issuerUri != null;
    }

    /**
     * Whether any group gives a role at all; without one every user signs in to the
     * no-access page.
     */
    public boolean hasGroups() {
        return !adminGroups.isEmpty() || !editorGroups.isEmpty() || !viewerGroups.isEmpty();
    }

    @Override
    public String toString() {
        return "OidcProperties[issuerUri=" + issuerUri + ", discoveryUri=" + discoveryUri + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret == null ? "unset" : "set") + ", scopes=" + scopes + ", nameClaim="
                + nameClaim + ", rolesClaim=" + rolesClaim + ", adminGroups=" + adminGroups + ", editorGroups="
                + editorGroups + ", viewerGroups=" + viewerGroups + "]";
    }

    private static void checkUrl(String setting, String value, String example) {
        URI uri;
        try {
            uri = new URI(value);
        }
        catch (URISyntaxException e) {
            throw new InvalidSettingException(setting, "is not a URI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new InvalidSettingException(setting, "is not an http or https URL, such as " + example);
        }
        // The issuer is compared with the one the provider announces and appears in every
        // token; a
        // password, query or fragment in it is a mistake, and a password must not be
        // logged. Both are logged.
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidSettingException(setting, "must not contain a user name, password, query or fragment");
        }
    }

    private static @Nullable String textOrNull(@Nullable String value) {
        return StringUtils.hasText(value) ? value.trim() : null;
    }

    private static String textOr(@Nullable String value, String fallback) {
        return StringUtils.hasText(value) ? value.trim() : fallback;
    }

    /** Trimmed, without blanks: "a, b," from an environment variable is [a, b]. */
    private static List<String> names(@Nullable List<String> values) {
        return values == null ? List.of()
                : values.stream().filter(StringUtils::hasText).map(String::trim).distinct().toList();
    }
}
