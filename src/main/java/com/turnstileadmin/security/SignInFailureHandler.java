package com.turnstileadmin.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A failed single sign-on (declined at the provider, a refused code, an unreachable token endpoint)
 * goes to a page that offers to try again, never straight back to the provider, which could loop.
 * The log keeps OAuth's error code for whoever runs the app; descriptions stay out, as they may
 * quote the provider's answer.
 */
final class SignInFailureHandler extends SimpleUrlAuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(SignInFailureHandler.class);

    SignInFailureHandler() {
        super(SecurityConfiguration.SIGN_IN_PAGE + "?error");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException failure) throws IOException, ServletException {
        String code = failure instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode()
                : failure.getClass().getSimpleName();
        log.warn("Single sign-on failed: {}", code);
        super.onAuthenticationFailure(request, response, failure);
    }
}
