package com.turnstileadmin.audit;

import org.junit.jupiter.api.condition.DisabledIf;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The audit store on PostgreSQL in a container, where no server answers at 127.0.0.1:5432
 * ({@link LocalPostgres}).
 */
@DisabledIf(value = "com.turnstileadmin.audit.LocalPostgres#reachable",
        disabledReason = "PostgreSQL answers at 127.0.0.1:5432: AuditTrailOnPostgresTest runs these tests there")
@Testcontainers(disabledWithoutDocker = true)
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class AuditTrailOnPostgresContainerTest extends AuditTrailContract {

    @Container
    @ServiceConnection
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:16-alpine");

}
