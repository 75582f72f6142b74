package com.turnstileadmin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A store that an earlier version of the app created (the H2 files under ./data, a team's
 * PostgreSQL) must keep working: Flyway refuses to start on a database whose applied
 * migrations have since been edited, so a change to the schema is a new migration.
 * {@code db/released} holds the migrations as they were released.
 */
class ReleasedMigrationsTest {

    @Test
    void aStoreCreatedByTheFirstMigrationIsMigratedOnAndTakesAnActorNameOfFullLength() {
        DriverManagerDataSource database = database("released-first");
        Flyway.configure().dataSource(database).locations("classpath:db/released").target("1").load().migrate();

        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();

        String name = "v".repeat(AuditTrail.ACTOR_NAME_LENGTH);
        JdbcTemplate jdbc = new JdbcTemplate(database);
        jdbc.update("INSERT INTO audit_entry (occurred_at, actor_subject, actor_name, account_id, action, outcome) "
                + "VALUES (CURRENT_TIMESTAMP, 'sub', ?, 'acct', 'CREATE', 'SUCCEEDED')", name);
        assertThat(jdbc.queryForObject("SELECT actor_name FROM audit_entry", String.class)).isEqualTo(name);
    }

    @Test
    void aStoreOfEveryReleasedMigrationIsMigratedOnAndThenKeepsSessionsThatSpringSessionReadsBack() {
        DriverManagerDataSource database = database("released-all");
        Flyway.configure().dataSource(database).locations("classpath:db/released").load().migrate();

        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();

        savesAndReadsBack(new JdbcIndexedSessionRepository(new JdbcTemplate(database),
                new TransactionTemplate(new DataSourceTransactionManager(database))));
    }

    private static <S extends Session> void savesAndReadsBack(SessionRepository<S> sessions) {
        S session = sessions.createSession();
        session.setMaxInactiveInterval(Duration.ofMinutes(17));
        session.setAttribute("page", "x".repeat(100_000));
        sessions.save(session);

        S read = sessions.findById(session.getId());
        assertThat(read).isNotNull();
        assertThat(read.<String>getAttribute("page")).hasSize(100_000);
        assertThat(read.getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(17));
    }

    private static DriverManagerDataSource database(String name) {
        return new DriverManagerDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

}
