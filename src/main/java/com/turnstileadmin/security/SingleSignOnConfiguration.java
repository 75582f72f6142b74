package com.turnstileadmin.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Single sign-on, when {@code OIDC_ISSUER_URI} is set. Nothing here calls the provider at
 * start-up.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SignInConditions.SingleSignOn.class)
class SingleSignOnConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SingleSignOnConfiguration.class);

    /**
     * Also Boot's OAuth2 client auto-configuration's repository, so there is only this
     * one.
     */
    @Bean
    DiscoveredClientRegistration clientRegistrations(OidcProperties properties) {
        return new DiscoveredClientRegistration(properties);
    }

    @Bean
    SingleSignOn singleSignOn(DiscoveredClientRegistration registrations, OidcProperties properties,
            LocalSignInProperties local) {
        log.info(
                "Single sign-on through {} as client {}; roles from the claim \"{}\": admin {}, editor {}, viewer {}. "
                        + "Local sign-in form: {}.",
                registrations.provider(), properties.clientId(), properties.rolesClaim(), properties.adminGroups(),
                properties.editorGroups(), properties.viewerGroups(),
                local.enabled() ? "on, as a break-glass way in at /login?local" : "off");
        if (!properties.hasGroups()) {
            log.warn("Single sign-on: no OIDC_ADMIN_GROUPS, OIDC_EDITOR_GROUPS or OIDC_VIEWER_GROUPS is set, "
                    + "so everyone who signs in has no role and sees the no-access page");
        }
        return new SingleSignOn(registrations, properties);
    }

}
