package com.turnstileadmin.security;

import io.github.wimdeblauwe.htmx.spring.boot.security.HxRefreshHeaderAuthenticationEntryPoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. Every page needs a signed-in user; what each role may do is enforced on the
 * service and handler methods ({@code @PreAuthorize}), and the pages hide what a role may not do.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String SIGN_IN_PAGE = "/login";

    private static final RequestMatcher HTMX_REQUEST = new RequestHeaderRequestMatcher("HX-Request");

    /**
     * Everything the pages load comes from the app itself, with no inline script or style and no
     * eval (htmx is configured for that in layout.html); Pico CSS draws its icons from data: URLs.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Addresses hold account ids and sitekeys, which stay on this site. */
    static final ReferrerPolicy REFERRER_POLICY = ReferrerPolicy.SAME_ORIGIN;

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        // After signing in, go back to the page, never to the fragment an htmx request asked for.
        requestCache.setRequestMatcher(new NegatedRequestMatcher(HTMX_REQUEST));
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(SIGN_IN_PAGE, "/error", "/webjars/**", "/assets/**",
                                "/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage(SIGN_IN_PAGE).defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl(SIGN_IN_PAGE + "?signed-out").permitAll())
                .requestCache(cache -> cache.requestCache(requestCache))
                // Spring Security's defaults stay on: nosniff, X-Frame-Options DENY, no-cache, and HSTS on
                // secure requests only (behind a proxy: X-Forwarded-Proto from an internal address, see
                // application.yml). RejectedRequests adds these to what the firewall refuses.
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(REFERRER_POLICY)))
                // Spring Security's default, stated here as it is part of what the tests hold the app to.
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(exceptions -> exceptions
                        // An htmx request of an expired session reloads the page, which then goes to sign-in,
                        // instead of swapping the sign-in form into a table.
                        .defaultAuthenticationEntryPointFor(new HxRefreshHeaderAuthenticationEntryPoint(), HTMX_REQUEST)
                        // Every other request goes to sign-in, whatever it accepts: the first entry point
                        // registered also serves the requests no matcher claims (curl's Accept: */*, say).
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(SIGN_IN_PAGE),
                                new NegatedRequestMatcher(HTMX_REQUEST))
                        .accessDeniedHandler(new SignedOutAwareAccessDeniedHandler()));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    InMemoryUserDetailsManager localUsers(LocalSignInProperties properties, PasswordEncoder encoder) {
        return LocalUsers.from(properties, encoder, StartupConsole::print);
    }
}
