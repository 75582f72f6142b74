package com.turnstileadmin;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.cloudflare.SharedReadsProperties;
import com.turnstileadmin.widget.CallBudgetProperties;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The environment variables the README documents for each user's share and the shared
 * reads, and their defaults.
 */
class BudgetSettingsTest {

    @Test
    void theDefaultsAreThoseTheReadmeNames() {
        Binder none = binder(Map.of());

        assertThat(none.bindOrCreate("cloudflare.budget", CallBudgetProperties.class))
            .isEqualTo(new CallBudgetProperties(30, 60, 10000));
        assertThat(none.bindOrCreate("cloudflare.shared-reads", SharedReadsProperties.class))
            .isEqualTo(new SharedReadsProperties(Duration.ofSeconds(1), 20000));
    }

    @Test
    void theEnvironmentVariablesSetThem() {
        Binder env = binder(Map.of("CLOUDFLARE_BUDGET_CAPACITY", "5", "CLOUDFLARE_BUDGET_PER_MINUTE", "7",
                "CLOUDFLARE_BUDGET_MAX_USERS", "9", "CLOUDFLARE_SHARED_READS_WINDOW", "250ms",
                "CLOUDFLARE_SHARED_READS_MAX_WIDGETS", "100"));

        assertThat(env.bindOrCreate("cloudflare.budget", CallBudgetProperties.class))
            .isEqualTo(new CallBudgetProperties(5, 7, 9));
        assertThat(env.bindOrCreate("cloudflare.shared-reads", SharedReadsProperties.class))
            .isEqualTo(new SharedReadsProperties(Duration.ofMillis(250), 100));
    }

    private static Binder binder(Map<String, Object> variables) {
        return new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables)));
    }

}
