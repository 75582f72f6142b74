package com.turnstileadmin.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * The PostgreSQL server the audit store's tests use when one is running: 127.0.0.1:5432,
 * database {@code test}, user {@code postgres} without a password (trust authentication),
 * unless the system properties {@code audit.test.postgres.url} and
 * {@code audit.test.postgres.user} say otherwise. Each run gets a schema of its own,
 * dropped afterwards. Without a server the tests run in a Testcontainers container
 * ({@link AuditTrailOnPostgresContainerTest}); without Docker either, they are skipped,
 * and a WARN line and the skip reason say so.
 */
public final class LocalPostgres implements ExecutionCondition {

    public static final String URL = System.getProperty("audit.test.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/test");

    public static final String USER = System.getProperty("audit.test.postgres.user", "postgres");

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);

    private static Boolean reachable;

    /** Whether the server answers; asked once per run. */
    public static synchronized boolean reachable() {
        if (reachable == null) {
            DriverManager.setLoginTimeout(3);
            try (Connection connection = DriverManager.getConnection(URL, USER, "")) {
                reachable = connection.isValid(3);
            }
            catch (SQLException e) {
                reachable = false;
            }
        }
        return reachable;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (reachable()) {
            return ConditionEvaluationResult.enabled("PostgreSQL answers at " + URL);
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return ConditionEvaluationResult.disabled("No PostgreSQL at " + URL
                    + "; AuditTrailOnPostgresContainerTest runs the same tests in a Testcontainers container");
        }
        String reason = "The audit store's PostgreSQL tests are SKIPPED: no PostgreSQL at " + URL
                + " and no Docker for Testcontainers";
        log.warn(reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    /** Makes a schema of its own for this run, and returns its name. */
    public static String createSchema() {
        String schema = "audit_test_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SCHEMA " + schema);
        return schema;
    }

    public static void dropSchema(String schema) {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    /**
     * The JDBC URL of the schema, where Flyway then migrates and the store reads and
     * writes.
     */
    public static String urlOf(String schema) {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(URL, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException e) {
            throw new IllegalStateException("Could not run " + sql + " on " + URL, e);
        }
    }

}
