package com.turnstileadmin.notify;

import com.turnstileadmin.audit.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link NotificationBenchmark} on PostgreSQL, in a schema of its own. */
@EnabledIf(value = "com.turnstileadmin.audit.LocalPostgres#reachable",
        disabledReason = "No PostgreSQL answers at 127.0.0.1:5432 (see LocalPostgres)")
@DirtiesContext
class NotificationOnPostgresBenchmark extends NotificationBenchmark {

    private static String schema;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        schema = LocalPostgres.createSchema();
        registry.add("spring.datasource.url", () -> LocalPostgres.urlOf(schema));
        registry.add("spring.datasource.username", () -> LocalPostgres.USER);
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void dropSchema() {
        if (schema != null) {
            LocalPostgres.dropSchema(schema);
        }
    }

}
