package com.turnstileadmin.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The app's own security (sign-in, CSRF, method security, the role checks and the
 * header's user), for web slices in other packages: {@link SecurityConfiguration} is
 * package-private.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecurityConfiguration.class, SignInThrottleConfiguration.class, SignedInUsers.class,
        SignedInUserWebConfiguration.class })
@EnableConfigurationProperties({ LocalSignInProperties.class, OidcProperties.class, SessionsPerUserProperties.class })
public class SecuritySliceConfiguration {

}
