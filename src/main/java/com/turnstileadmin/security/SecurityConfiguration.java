package com.turnstileadmin.security;

import io.github.wimdeblauwe.htmx.spring.boot.security.HxRefreshHeaderAuthenticationEntryPoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.session.SessionInformationExpiredEvent;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. Every page needs a signed-in user; what each role may do is
 * enforced on the service and handler methods ({@code @PreAuthorize}), and the pages hide
 * what a role may not do.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    static final String SIGN_IN_PAGE = "/login";

    /**
     * The local form when single sign-on is configured and the break-glass form is
     * enabled.
     */
    static final String LOCAL_SIGN_IN_PAGE = SIGN_IN_PAGE + "?local";

    private static final RequestMatcher HTMX_REQUEST = new RequestHeaderRequestMatcher("HX-Request");

    /**
     * Everything the pages load comes from the app itself, with no inline script or style
     * and no eval (htmx is configured for that in layout.html); Pico CSS draws its icons
     * from data: URLs.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Addresses hold account ids and sitekeys, which stay on this site. */
    static final ReferrerPolicy REFERRER_POLICY = ReferrerPolicy.SAME_ORIGIN;

    /**
     * The pages need none of the browser's powerful features, nor may anything they
     * embed.
     */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "serial=(), hid=(), midi=(), display-capture=(), screen-wake-lock=(), accelerometer=(), "
            + "gyroscope=(), magnetometer=(), fullscreen=()";

    /**
     * A page another site opens gets no handle on this one's window, nor the other way
     * round.
     */
    static final CrossOriginOpenerPolicy CROSS_ORIGIN_OPENER_POLICY = CrossOriginOpenerPolicy.SAME_ORIGIN;

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<SingleSignOn> singleSignOnIfConfigured,
            LocalSignInProperties local, SignIns signIns, SignInThrottle throttle,
            ObjectProvider<SessionChecks> sessionChecks, SessionsPerUserProperties sessionsPerUser,
            ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessionStore) throws Exception {
        SingleSignOn singleSignOn = singleSignOnIfConfigured.getIfAvailable();
        // After signing in, go back to the page (a plain GET), never to the fragment an
        // htmx request asked for,
        // and never run a request again: a form sent while signed out is not kept.
        RequestCache requestCache = new ContinueCookie(new NegatedRequestMatcher(HTMX_REQUEST));
        http.authorizeHttpRequests(requests -> requests
            // The management endpoints and the static files have chains of their own
            // (ManagementSecurityConfiguration, StaticFiles).
            .requestMatchers(SIGN_IN_PAGE, "/error")
            .permitAll()
            .requestMatchers(NoAccessController.PAGE)
            .authenticated()
            // A provider user whose groups give no role is signed in, but may see nothing
            // else.
            .anyRequest()
            .hasRole(Role.VIEWER.name()))
            .logout(logout -> logout.logoutSuccessUrl(SIGN_IN_PAGE + "?signed-out").permitAll())
            .requestCache(cache -> cache.requestCache(requestCache))
            // Spring Security's defaults stay on: nosniff, X-Frame-Options DENY,
            // no-cache, and HSTS on
            // secure requests only (behind a proxy: X-Forwarded-Proto from a trusted
            // proxy, see
            // application.yml). RejectedRequests and TomcatErrorPages add these where the
            // chain is not reached.
            .headers(headers -> protectiveHeaders(headers, singleSignOn))
            // The token from the session, or for the sign-in form from a cookie (no
            // session for anonymous
            // visitors), and only from its header or the form; cross-origin forms are
            // refused before it.
            .csrf(csrf -> csrf.csrfTokenRepository(new CsrfTokens())
                .csrfTokenRequestHandler(new CsrfTokenFromFormOrHeader()))
            .addFilterBefore(new SameOriginRequests(), CsrfFilter.class)
            .sessionManagement(session -> {
                // Spring Security's default, stated here as it is part of what the tests
                // hold the app to.
                session.sessionFixation(fixation -> fixation.changeSessionId());
                // At most SESSION_MAX_PER_USER, counted in the session store (web slices
                // have none: no limit).
                FindByIndexNameSessionRepository<? extends Session> store = sessionStore.getIfAvailable();
                if (sessionsPerUser.isLimited() && store != null) {
                    session.maximumSessions(sessionsPerUser.maxPerUser())
                        .sessionRegistry(registry(store))
                        .expiredSessionStrategy(SecurityConfiguration::signInAgain);
                }
            })
            .exceptionHandling(exceptions -> exceptions
                // An htmx request of an expired session reloads the page, which then goes
                // to sign-in,
                // instead of swapping the sign-in form into a table.
                .defaultAuthenticationEntryPointFor(new HxRefreshHeaderAuthenticationEntryPoint(), HTMX_REQUEST)
                // Every other request goes to sign-in, whatever it accepts: the first
                // entry point
                // registered also serves the requests no matcher claims (curl's Accept:
                // */*, say).
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(SIGN_IN_PAGE),
                        new NegatedRequestMatcher(HTMX_REQUEST))
                .accessDeniedHandler(
                        new DeniedRequestLog(new NoRoleAccessDeniedHandler(new SignedOutAwareAccessDeniedHandler()))));
        // Each request's session is checked against the configuration as it is now
        // (SessionChecks). Web
        // slices, whose requests are signed in as made-up users, have none.
        SessionChecks checks = sessionChecks.getIfAvailable();
        if (checks != null) {
            http.sessionManagement(session -> session.addSessionAuthenticationStrategy(
                    (authentication, request, response) -> checks.signedIn(authentication, request.getSession())));
            http.addFilterAfter(new SessionCheckFilter(checks), SecurityContextHolderFilter.class);
        }
        if (SignInConditions.localForm(singleSignOn != null, local.enabled())) {
            // Beside single sign-on a wrong password must show the form again, not the
            // provider's failure page.
            String failure = singleSignOn == null ? SIGN_IN_PAGE + "?error" : LOCAL_SIGN_IN_PAGE + "&error";
            // Password guessing is slowed down per user name and per address
            // (SignInThrottle).
            ThrottledSignInForm throttled = new ThrottledSignInForm(throttle,
                    singleSignOn == null ? SIGN_IN_PAGE : LOCAL_SIGN_IN_PAGE);
            http.addFilterBefore(throttled.lockFilter(), UsernamePasswordAuthenticationFilter.class);
            http.formLogin(form -> form.loginPage(SIGN_IN_PAGE)
                .successHandler(throttled.onSuccess(signIns.onSuccess(SignIns.Method.LOCAL, requestCache)))
                .failureHandler(signIns.onFailure(SignIns.Method.LOCAL, throttled.onFailure(failure)))
                .permitAll());
        }
        if (singleSignOn != null) {
            singleSignOn.configure(http, signIns, requestCache);
        }
        return http.build();
    }

    private static <S extends Session> SessionRegistry registry(FindByIndexNameSessionRepository<S> store) {
        return new SpringSessionBackedSessionRegistry<>(store);
    }

    /**
     * A session ended for a newer sign-in of its user: back to sign-in (an htmx request
     * reloads the page).
     */
    private static void signInAgain(SessionInformationExpiredEvent expired) throws IOException {
        WholePageRedirect.toSignIn(expired.getRequest(), expired.getResponse());
    }

    /**
     * The headers every answer carries beyond Spring Security's defaults: the
     * Content-Security-Policy, the referrer, permissions and cross-origin opener
     * policies. Both chains (the pages' and the management endpoints') set them.
     */
    public static void protectiveHeaders(HeadersConfigurer<HttpSecurity> headers, @Nullable SingleSignOn singleSignOn) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(singleSignOn)))
            .referrerPolicy(referrer -> referrer.policy(REFERRER_POLICY))
            .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
            .crossOriginOpenerPolicy(opener -> opener.policy(CROSS_ORIGIN_OPENER_POLICY));
    }

    static String contentSecurityPolicy(@Nullable SingleSignOn singleSignOn) {
        return singleSignOn == null ? CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY.replace("form-action 'self'",
                "form-action 'self' " + singleSignOn.providerOrigin());
    }

    /**
     * Web slices of the app, which have no metrics, count into a registry of their own.
     */
    @Bean
    SignIns signIns(ObjectProvider<MeterRegistry> registry) {
        return new SignIns(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * None with single sign-on unless break-glass is enabled: then no password is
     * generated, and no form can be used.
     */
    @Bean
    @Conditional(SignInConditions.LocalForm.class)
    InMemoryUserDetailsManager localUsers(LocalSignInProperties properties, PasswordEncoder encoder,
            ObjectProvider<SingleSignOn> singleSignOn, StartupConsole console) {
        if (singleSignOn.getIfAvailable() != null) {
            return LocalUsers.breakGlass(properties, encoder);
        }
        return LocalUsers.from(properties, encoder, console::showGeneratedPassword);
    }

    /** Prints a generated admin password once start-up has ended (never into the log). */
    @Bean
    StartupConsole startupConsole() {
        return new StartupConsole();
    }

}
