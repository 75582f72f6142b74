package com.turnstileadmin.security;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Which ways of signing in exist, decided from the environment alone before any bean is
 * made: single sign-on when an issuer is set; the local form without it, or beside it as
 * a break-glass account when {@code LOCAL_SIGN_IN_ENABLED} is true. With single sign-on
 * and no break-glass there are no local users, no generated password and nothing that
 * processes a POST to the form.
 */
final class SignInConditions {

    private SignInConditions() {
    }

    static boolean singleSignOn(Environment environment) {
        return StringUtils.hasText(Binder.get(environment).bind("oidc.issuer-uri", String.class).orElse(null));
    }

    static boolean localForm(Environment environment) {
        return localForm(singleSignOn(environment),
                Binder.get(environment).bind("local-sign-in.enabled", Boolean.class).orElse(false));
    }

    /**
     * The one rule, also applied to the bound properties when the filter chain is built.
     */
    static boolean localForm(boolean singleSignOn, boolean breakGlassEnabled) {
        return !singleSignOn || breakGlassEnabled;
    }

    /** An OIDC issuer is configured. */
    static final class SingleSignOn implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return singleSignOn(context.getEnvironment());
        }

    }

    /** The local sign-in form is on. */
    static final class LocalForm implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return localForm(context.getEnvironment());
        }

    }

}
