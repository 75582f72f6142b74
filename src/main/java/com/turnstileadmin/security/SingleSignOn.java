package com.turnstileadmin.security;

import java.net.URI;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * Single sign-on's part of the filter chain: OIDC authorization-code login with PKCE, the
 * role mapping, and sign-out at the provider. {@link SecurityConfiguration} applies it
 * when an issuer is configured; everything else about who may reach what stays there.
 */
public final class SingleSignOn {

    /** Where the sign-in page sends users: Spring Security's redirect to the provider. */
    static final String AUTHORIZATION_START = "/oauth2/authorization/" + DiscoveredClientRegistration.REGISTRATION_ID;

    private final DiscoveredClientRegistration registrations;

    private final OidcProperties properties;

    SingleSignOn(DiscoveredClientRegistration registrations, OidcProperties properties) {
        this.registrations = registrations;
        this.properties = properties;
    }

    /**
     * @param requestCache where the page that asked for sign-in was kept, to go back to
     * it
     */
    void configure(HttpSecurity http, SignIns signIns, RequestCache requestCache) throws Exception {
        http.oauth2Login(login -> login.loginPage(SecurityConfiguration.SIGN_IN_PAGE)
            .clientRegistrationRepository(registrations)
            .userInfoEndpoint(userInfo -> userInfo
                .oidcUserService(new MappedOidcUserService(OidcRoleMapping.of(properties), properties.nameClaim())))
            .successHandler(signIns.onSuccess(SignIns.Method.OIDC, requestCache))
            .failureHandler(signIns.onFailure(SignIns.Method.OIDC, new SignInFailureHandler())))
            .logout(logout -> logout.logoutSuccessHandler(new SignOutSuccessHandler(registrations)));
    }

    /**
     * Asks the provider for its discovery document, even if it answered before: it may
     * have gone down since, and the user would otherwise be sent to its address and the
     * browser's own error page.
     * @throws IdentityProviderUnavailableException if it cannot be reached
     */
    void requireProvider() {
        registrations.rediscover();
    }

    /**
     * The provider's scheme, host and port, which its end-session endpoint shares with
     * the issuer at Keycloak, Entra ID, Okta and Authentik (Google offers none).
     */
    String providerOrigin() {
        URI issuer = URI.create(properties.issuerUri());
        return issuer.getScheme() + "://" + issuer.getHost() + (issuer.getPort() == -1 ? "" : ":" + issuer.getPort());
    }

}
