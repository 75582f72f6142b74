package com.turnstileadmin.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * Counts sign-ins where they end, in the success and failure handlers of the sign-in form
 * and of single sign-on ({@code turnstile.sign.ins}, by method and outcome). HTTP Basic
 * on the management endpoints is a scrape, not a sign-in, and is not counted.
 */
final class SignIns {

    enum Method {

        OIDC, LOCAL

    }

    enum Outcome {

        SUCCESS,
        /**
         * Signed in at the provider, but in no group that gives a role: the no-access
         * page.
         */
        NO_ROLE, FAILURE

    }

    private final MeterProvider<Counter> signIns;

    SignIns(MeterRegistry registry) {
        this.signIns = Counter.builder("turnstile.sign.ins")
            .description("Sign-ins by method (oidc, local) and outcome (success, no_role, failure)")
            .withRegistry(registry);
    }

    void count(Method method, Outcome outcome) {
        signIns.withTags("method", tag(method), "outcome", tag(outcome)).increment();
    }

    /**
     * After signing in, back to the page that asked for it, or else the start page;
     * counted as a success, or as no_role for a user without one.
     */
    AuthenticationSuccessHandler onSuccess(Method method, RequestCache requestCache) {
        SavedRequestAwareAuthenticationSuccessHandler backToThePage = new SavedRequestAwareAuthenticationSuccessHandler();
        backToThePage.setDefaultTargetUrl("/");
        backToThePage.setRequestCache(requestCache);
        return (request, response, authentication) -> {
            count(method, Role.highestOf(authentication.getAuthorities()) == null ? Outcome.NO_ROLE : Outcome.SUCCESS);
            backToThePage.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /**
     * The failure handler, counting each failure first. Whatever failed is not kept in
     * the session: since Spring Security 6.5 the exception carries the authentication
     * request, with the password as typed, and the session row would keep it for the
     * session's lifetime and in every backup. The page a failure goes to says so from its
     * address alone ({@code ?error}).
     */
    AuthenticationFailureHandler onFailure(Method method, AuthenticationFailureHandler handler) {
        return (request, response, failure) -> {
            count(method, Outcome.FAILURE);
            handler.onAuthenticationFailure(request, response, failure);
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            }
        };
    }

    /**
     * Goes to {@code url} after a failure, creating no session for it (Spring Security's
     * would, to keep the failure).
     */
    static SimpleUrlAuthenticationFailureHandler redirectTo(String url) {
        SimpleUrlAuthenticationFailureHandler handler = new SimpleUrlAuthenticationFailureHandler(url);
        handler.setAllowSessionCreation(false);
        return handler;
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

}
