package com.turnstileadmin.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;

/**
 * Where signing out leads, once the app's session has ended. A provider user goes to the
 * provider's {@code end_session_endpoint}, which ends the session there too and sends
 * them back to {@value #SIGNED_OUT}; if the provider offers none, straight to
 * {@value #SIGNED_OUT_OF_APP_ONLY}, which says that the provider's session may still be
 * open, as does a sign-out without a session. A break-glass user goes back to the form.
 */
final class SignOutSuccessHandler implements LogoutSuccessHandler {

    /**
     * Register {@code <the app's address>/login?signed-out} at the provider as a
     * post-logout redirect URI.
     */
    static final String SIGNED_OUT = SecurityConfiguration.SIGN_IN_PAGE + "?signed-out";
    static final String SIGNED_OUT_OF_APP_ONLY = SecurityConfiguration.SIGN_IN_PAGE + "?signed-out=app";

    private final OidcClientInitiatedLogoutSuccessHandler provider;

    private final SimpleUrlLogoutSuccessHandler local = new SimpleUrlLogoutSuccessHandler();

    SignOutSuccessHandler(DiscoveredClientRegistration registrations) {
        provider = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        provider.setPostLogoutRedirectUri("{baseUrl}" + SIGNED_OUT);
        provider.setDefaultTargetUrl(SIGNED_OUT_OF_APP_ONLY);
        local.setDefaultTargetUrl(SecurityConfiguration.LOCAL_SIGN_IN_PAGE + "&signed-out");
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
            @Nullable Authentication authentication) throws IOException, ServletException {
        // The registration is always known here: a provider user signed in through it,
        // and it is kept.
        // Without a session (it had ended) nobody asks the provider to end its own, so
        // the page must not say
        // it did: the provider's handler sends such a sign-out to SIGNED_OUT_OF_APP_ONLY.
        (authentication == null || authentication instanceof OAuth2AuthenticationToken ? provider : local)
            .onLogoutSuccess(request, response, authentication);
    }

}
