package com.turnstileadmin.audit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The audit store on the PostgreSQL server of {@link LocalPostgres}, in a schema made for
 * this run and dropped after it.
 */
@ExtendWith(LocalPostgres.class)
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
// Closed after the class, so that its connections are gone before the schema is dropped.
@DirtiesContext
class AuditTrailOnPostgresTest extends AuditTrailContract {

    private static String schema;

    @DynamicPropertySource
    static void freshSchema(DynamicPropertyRegistry registry) {
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
