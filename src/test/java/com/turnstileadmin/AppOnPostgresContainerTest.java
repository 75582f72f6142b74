package com.turnstileadmin;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.AppOverHttp.User;
import com.turnstileadmin.HttpVisitor.Response;
import com.turnstileadmin.sandbox.SandboxServer;
import com.turnstileadmin.widget.web.WidgetForms;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The whole app on PostgreSQL as production runs it, in a container
 * ({@code @ServiceConnection}): Flyway makes the tables, and signing in and creating a
 * widget leave the session and the audit entry in that one database. Skipped without
 * Docker; {@code security.ReplicasShareSessionsTest} runs two instances of the app on the
 * PostgreSQL server at 127.0.0.1:5432 when there is one.
 */
@AppOverHttp
@Testcontainers(disabledWithoutDocker = true)
class AppOnPostgresContainerTest {

    @Container
    @ServiceConnection
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:16-alpine");

    @LocalServerPort
    int port;

    @Autowired
    SandboxServer sandbox;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSignedInSessionAndTheAuditEntryOfItsChangeAreInPostgresql() {
        HttpVisitor admin = HttpVisitor.signedIn(port, User.ADMIN);
        String list = "/accounts/" + sandbox.accountId().value() + "/widgets";
        admin.get(list);

        Response created = admin.post(list, WidgetForms.newWidget("On PostgreSQL", "postgres.example"));

        assertThat(created.header("Location")).contains(list + "/");
        assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
        assertThat(new SessionTable(jdbc).principalOf(admin.sessionId())).isEqualTo("admin");
        assertThat(jdbc.queryForList("SELECT actor_subject, action, outcome FROM audit_entry WHERE widget_name = ?",
                "On PostgreSQL"))
            .singleElement()
            .isEqualTo(Map.of("actor_subject", "local:admin", "action", "CREATE", "outcome", "SUCCEEDED"));
    }

}
