package com.turnstileadmin.security;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two requests of one session that add the same attribute at once: both read the session
 * before either writes, so both insert the attribute's row. Here on H2, migrated by
 * Flyway as the app's store is; {@link ReplicasShareSessionsTest} runs the same on
 * PostgreSQL, between two replicas.
 */
class SessionStoreConfigurationTest {

    @Test
    void onH2TwoRequestsAddingTheSameAttributeAtOnceBothSucceedAndTheLastWins() throws MetaDataAccessException {
        DataSource database = migrated(
                new DriverManagerDataSource("jdbc:h2:mem:session-upsert;DB_CLOSE_DELAY=-1", "sa", ""));

        bothRequestsSucceed(repository(database), repository(database));
    }

    /**
     * Also run by {@link ReplicasShareSessionsTest} on PostgreSQL, with the repositories
     * of two running replicas.
     */
    static void bothRequestsSucceed(SessionRepository<?> replicaA, SessionRepository<?> replicaB) {
        String id = signedInSession(replicaA);

        addAtOnce(replicaA, replicaB, id);

        assertThat(attribute(replicaA, id, "CSRF_TOKEN")).isEqualTo("made on B");
    }

    private static <S extends Session> Object attribute(SessionRepository<S> sessions, String id, String name) {
        return sessions.findById(id).getAttribute(name);
    }

    private static <S extends Session> String signedInSession(SessionRepository<S> sessions) {
        S session = sessions.createSession();
        session.setAttribute("signed-in-as", "editor");
        sessions.save(session);
        return session.getId();
    }

    private static <S extends Session, T extends Session> void addAtOnce(SessionRepository<S> replicaA,
            SessionRepository<T> replicaB, String id) {
        S onA = replicaA.findById(id);
        T onB = replicaB.findById(id);
        onA.setAttribute("CSRF_TOKEN", "made on A");
        onB.setAttribute("CSRF_TOKEN", "made on B");
        replicaA.save(onA);
        replicaB.save(onB);
    }

    /**
     * A repository as the app's is configured, with the upsert of
     * {@link SessionStoreConfiguration}.
     */
    private static JdbcIndexedSessionRepository repository(DataSource database) throws MetaDataAccessException {
        JdbcIndexedSessionRepository sessions = new JdbcIndexedSessionRepository(new JdbcTemplate(database),
                new TransactionTemplate(new DataSourceTransactionManager(database)));
        new SessionStoreConfiguration().sessionAttributesUpsert(database).customize(sessions);
        return sessions;
    }

    private static DataSource migrated(DataSource database) {
        Flyway.configure().dataSource(database).load().migrate();
        return database;
    }

}
