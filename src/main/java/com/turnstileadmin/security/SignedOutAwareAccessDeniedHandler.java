package com.turnstileadmin.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A refused request of someone who is no longer signed in is a sign-in problem, not a
 * missing permission. It happens when a session expires under an open page: the next POST
 * carries a CSRF token of the old session and is refused before anything asks who the
 * user is. Such a request goes to sign-in (an htmx one reloads the page, which then
 * does), except a sign-out, which goes to the page saying they are signed out; everyone
 * else gets the 403 page, which tells a signed-in user whose page was too old from one
 * whose role does not allow the request.
 */
final class SignedOutAwareAccessDeniedHandler implements AccessDeniedHandler {

    private static final RequestMatcher SIGN_OUT = PathPatternRequestMatcher.withDefaults()
        .matcher(HttpMethod.POST, "/logout");

    private final AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (isSignedIn()) {
            if (denied instanceof CsrfException) {
                StalePage.mark(request);
            }
            forbidden.handle(request, response, denied);
        }
        else if (SIGN_OUT.matches(request)) {
            // Signing out from a page whose session has ended: the user is signed out
            // already. Sent to
            // sign-in, single sign-on would take them on to the provider and sign them
            // straight in again.
            WholePageRedirect.to(request, response, SignOutSuccessHandler.SIGNED_OUT_OF_APP_ONLY);
        }
        else {
            WholePageRedirect.toSignIn(request, response);
        }
    }

    private static boolean isSignedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

}
