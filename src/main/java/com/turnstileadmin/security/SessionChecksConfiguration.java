package com.turnstileadmin.security;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The {@link SessionChecks} of the dashboard's filter chain. Not part of the web slices,
 * whose requests are signed in as made-up users that no configuration lists.
 */
@Configuration(proxyBeanMethods = false)
class SessionChecksConfiguration {

    @Bean
    SessionChecks sessionChecks(ObjectProvider<InMemoryUserDetailsManager> localUsers, LocalSignInProperties local,
            OidcProperties oidc, SessionLifetimeProperties lifetime, Clock clock) {
        InMemoryUserDetailsManager users = localUsers.getIfAvailable();
        return new SessionChecks(users == null ? null : new LocalAccounts(users, local), oidc, lifetime.maxLifetime(),
                clock);
    }

}
