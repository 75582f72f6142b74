package com.turnstileadmin.benchmark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The app's database during the benchmark: PostgreSQL as in production when a server answers at
 * 127.0.0.1:5432 (database {@code test}, user {@code postgres}, trust authentication, or {@code
 * -Dbenchmark.postgres.url} and {@code .user}), in a schema of its own dropped afterwards; else H2 in
 * files, the app's default.
 */
final class AppStore implements AutoCloseable {

    private static final String POSTGRES_URL =
            System.getProperty("benchmark.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String POSTGRES_USER = System.getProperty("benchmark.postgres.user", "postgres");

    private final String description;
    private final Map<String, String> environment;
    private final @Nullable String schema;

    private AppStore(String description, Map<String, String> environment, @Nullable String schema) {
        this.description = description;
        this.environment = environment;
        this.schema = schema;
    }

    /** @param choice {@code auto}, {@code postgres} or {@code h2} */
    static AppStore choose(String choice, Path appDirectory) {
        boolean postgres = switch (choice) {
            case "postgres" -> true;
            case "h2" -> false;
            default -> postgresAnswers();
        };
        if (!postgres) {
            Path files = appDirectory.resolve("data/turnstile-admin");
            return new AppStore("H2 in files (" + files + ")" + ("auto".equals(choice)
                    ? ", as no PostgreSQL answers at " + POSTGRES_URL : ""),
                    Map.of("SPRING_DATASOURCE_URL", "jdbc:h2:file:" + files.toAbsolutePath()), null);
        }
        String schema = "load_benchmark_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SCHEMA " + schema);
        String url = POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new AppStore("PostgreSQL at " + POSTGRES_URL + ", schema " + schema, Map.of(
                "SPRING_DATASOURCE_URL", url, "SPRING_DATASOURCE_USERNAME", POSTGRES_USER,
                "SPRING_DATASOURCE_PASSWORD", ""), schema);
    }

    String description() {
        return description;
    }

    /** The app's {@code SPRING_DATASOURCE_*} variables. */
    Map<String, String> environment() {
        return environment;
    }

    @Override
    public void close() {
        if (schema != null) {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static boolean postgresAnswers() {
        DriverManager.setLoginTimeout(3);
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "")) {
            return connection.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run " + sql + " on " + POSTGRES_URL, e);
        }
    }
}
