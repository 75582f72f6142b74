package com.turnstileadmin.security;

import com.turnstileadmin.security.SignInThrottle.Door;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The sign-in form's part of {@link SignInThrottle}: a filter ahead of Spring Security's
 * form sign-in that refuses a locked attempt before its password is checked, and the
 * handlers that count each failure and forget a user name's failures when it signs in. A
 * refused attempt goes back to the form with {@code locked=<minutes>}, which the page
 * shows as "try again in N minutes".
 */
final class ThrottledSignInForm {

    private static final RequestMatcher SIGN_IN = PathPatternRequestMatcher.withDefaults()
        .matcher(HttpMethod.POST, SecurityConfiguration.SIGN_IN_PAGE);

    private final SignInThrottle throttle;

    private final String formPage;

    /**
     * @param formPage the form to go back to: {@code /login}, or {@code /login?local}
     * beside single sign-on
     */
    ThrottledSignInForm(SignInThrottle throttle, String formPage) {
        this.throttle = throttle;
        this.formPage = formPage;
    }

    /**
     * Refuses a sign-in whose user name or address is locked, whatever password it
     * carries.
     */
    OncePerRequestFilter lockFilter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (!SIGN_IN.matches(request)) {
                    chain.doFilter(request, response);
                    return;
                }
                Duration locked = throttle.lockedFor(Door.FORM, username(request), request.getRemoteAddr());
                if (locked.isZero()) {
                    chain.doFilter(request, response);
                    return;
                }
                throttle.refused(Door.FORM, username(request), request.getRemoteAddr(), locked);
                response.sendRedirect(request.getContextPath() + lockedPage(locked));
            }
        };
    }

    /**
     * Counts the failure; back to {@code failureUrl}, or to the lockout's message if this
     * one locked.
     */
    AuthenticationFailureHandler onFailure(String failureUrl) {
        return (request, response, failure) -> {
            Duration locked = throttle.failed(Door.FORM, username(request), request.getRemoteAddr());
            response.sendRedirect(request.getContextPath() + (locked.isZero() ? failureUrl : lockedPage(locked)));
        };
    }

    /** Forgets the user name's failures, then {@code next}. */
    AuthenticationSuccessHandler onSuccess(AuthenticationSuccessHandler next) {
        return (request, response, authentication) -> {
            throttle.succeeded(Door.FORM, username(request));
            next.onAuthenticationSuccess(request, response, authentication);
        };
    }

    private String lockedPage(Duration locked) {
        return formPage + (formPage.contains("?") ? "&" : "?") + "locked=" + SignInThrottle.minutes(locked);
    }

    private static String username(HttpServletRequest request) {
        @Nullable String username = request.getParameter("username");
        return username == null ? "" : username;
    }

}
