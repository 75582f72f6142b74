package com.turnstileadmin.security;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link SignInThrottle} of the sign-in form and of the management endpoints. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignInThrottleProperties.class)
class SignInThrottleConfiguration {

    @Bean
    SignInThrottle signInThrottle(SignInThrottleProperties settings, Clock clock) {
        return new SignInThrottle(settings, clock);
    }

}
