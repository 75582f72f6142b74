package com.turnstileadmin.security.monitoring;

import com.turnstileadmin.security.SecurityConfiguration;
import com.turnstileadmin.security.SessionlessRequests;
import com.turnstileadmin.security.SignInLockedException;
import com.turnstileadmin.security.SignInThrottle;
import com.turnstileadmin.security.SingleSignOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Who may reach the management endpoints ({@code /actuator/**}), in a filter chain of
 * their own ahead of the dashboard's: health and its liveness and readiness groups are
 * public (status only, see application.yml); every other endpoint needs HTTP Basic with
 * {@link MonitoringProperties}. Stateless: no session is made or read
 * ({@link SessionlessRequests}), so a dashboard session opens nothing here and a scrape
 * leaves nothing behind; no CSRF token, as nothing here changes state. A refusal is a
 * bare 401 with a Basic challenge, never a page; after too many wrong passwords
 * ({@link SignInThrottle}) a bare 429.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ManagementSecurityConfiguration.class);

    static final String REALM = "Turnstile Admin monitoring";

    @Bean
    @Order(1)
    SecurityFilterChain managementFilterChain(HttpSecurity http, MonitoringProperties monitoring,
            PasswordEncoder encoder, ObjectProvider<SingleSignOn> singleSignOn, SignInThrottle throttle)
            throws Exception {
        MonitoringAuthentication credentials = MonitoringAuthentication.of(monitoring, encoder);
        if (credentials.isConfigured()) {
            log.info("Management endpoints: health is public; info and prometheus need HTTP Basic as \"{}\"",
                    monitoring.username());
        }
        else {
            log.info("Management endpoints: health is public; info and prometheus are closed to everyone "
                    + "until MONITORING_PASSWORD is set");
        }
        AuthenticationEntryPoint challenge = (request, response, failure) -> {
            if (failure instanceof SignInLockedException locked) {
                // Too many failures: no challenge, which would only invite the next
                // guess.
                response.setHeader("Retry-After", String.valueOf(Math.max(1, locked.lockedFor().toSeconds())));
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
        };
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
            .authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.to("health"))
                .permitAll()
                .anyRequest()
                .hasRole(MonitoringAuthentication.ROLE))
            // Only the monitoring credentials: never the dashboard's users.
            .authenticationManager(new ThrottledMonitoringAuthentication(credentials, throttle))
            .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(challenge))
            .addFilterBefore(new SessionlessRequests(), SecurityContextHolderFilter.class)
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(cache -> cache.requestCache(new NullRequestCache()))
            .csrf(csrf -> csrf.disable())
            .logout(logout -> logout.disable())
            .headers(headers -> SecurityConfiguration.protectiveHeaders(headers, singleSignOn.getIfAvailable()))
            .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(challenge)
                .accessDeniedHandler((request, response, denied) -> response.setStatus(HttpStatus.FORBIDDEN.value())));
        return http.build();
    }

}
