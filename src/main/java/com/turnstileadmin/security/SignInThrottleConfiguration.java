package com.turnstileadmin.security;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link SignInThrottle} of the sign-in form and of the management endpoints. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignInThrottleProperties.class)
class SignInThrottleConfiguration {

    @Bean
    SignInThrottle signInThrottle(SignInThrottleProperties settings, ObjectProvider<Clock> clock) {
        return new SignInThrottle(settings, clock.getIfAvailable(Clock::systemUTC));
    }
}
