package com.turnstileadmin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An audit store that an earlier version of the app created (the H2 files under ./data, a team's
 * PostgreSQL) must keep working: Flyway refuses to start on a database whose applied migrations
 * have since been edited, so a change to the schema is a new migration. {@code db/released} holds
 * the migrations as they were first committed.
 */
class ReleasedMigrationsTest {

    @Test
    void aStoreCreatedByTheFirstMigrationIsMigratedOnAndTakesAnActorNameOfFullLength() {
        DriverManagerDataSource database = new DriverManagerDataSource(
                "jdbc:h2:mem:released-migrations;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(database).locations("classpath:db/released").load().migrate();

        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();

        String name = "v".repeat(AuditTrail.ACTOR_NAME_LENGTH);
        JdbcTemplate jdbc = new JdbcTemplate(database);
        jdbc.update("INSERT INTO audit_entry (occurred_at, actor_subject, actor_name, account_id, action, outcome) "
                + "VALUES (CURRENT_TIMESTAMP, 'sub', ?, 'acct', 'CREATE', 'SUCCEEDED')", name);
        assertThat(jdbc.queryForObject("SELECT actor_name FROM audit_entry", String.class)).isEqualTo(name);
    }
}
