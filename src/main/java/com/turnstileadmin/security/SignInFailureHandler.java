package com.turnstileadmin.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A failed single sign-on (declined at the provider, a refused code, an unreachable token
 * endpoint) goes to a page that offers to try again, never straight back to the provider,
 * which could loop. The log keeps OAuth's error code for whoever runs the app;
 * descriptions stay out, as they may quote the provider's answer.
 */
final class SignInFailureHandler extends SimpleUrlAuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(SignInFailureHandler.class);

    /**
     * The characters RFC 6749 (section 5.2) allows in an error code, within a length
     * worth logging.
     */
    private static final Pattern ERROR_CODE = Pattern.compile("[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]{1,100}");

    SignInFailureHandler() {
        super(SecurityConfiguration.SIGN_IN_PAGE + "?error");
        // The failure is not kept in a session (SignIns.onFailure): none is made for it.
        setAllowSessionCreation(false);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException failure) throws IOException, ServletException {
        String code = failure instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode()
                : failure.getClass().getSimpleName();
        // The code may be the error parameter of the redirect back, which whoever starts
        // a sign-in can write:
        // only what RFC 6749 allows in one is logged, so that a line break cannot forge a
        // log line.
        log.warn("Single sign-on failed: {}",
                ERROR_CODE.matcher(code).matches() ? code : "an error code that is not one (not logged)");
        super.onAuthenticationFailure(request, response, failure);
    }

}
