package com.turnstileadmin.account;

import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Decides between real Cloudflare accounts and the built-in sandbox from the environment
 * alone, so that the choice is made before any bean exists and does not depend on
 * configuration order.
 */
public final class CloudflareCredentialsCondition {

    private CloudflareCredentialsCondition() {
    }

    static boolean configured(ConditionContext context) {
        Binder binder = Binder.get(context.getEnvironment());
        String[] single = { "account-id", "api-token", "api-email", "api-key" };
        String[] values = new String[single.length];
        for (int i = 0; i < single.length; i++) {
            values[i] = binder.bind("cloudflare." + single[i], String.class).orElse(null);
        }
        return CloudflareProperties.isConfigured(values)
                || !binder.bind("cloudflare.accounts", Bindable.listOf(CloudflareProperties.Account.class))
                    .orElse(List.of())
                    .isEmpty();
    }

    /** Some Cloudflare account is configured. */
    public static final class Present implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return configured(context);
        }

    }

    /** No Cloudflare account is configured: the sandbox stands in. */
    public static final class Absent implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !configured(context);
        }

    }

}
