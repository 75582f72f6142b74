package com.turnstileadmin.benchmark;

import com.turnstileadmin.audit.LocalPostgres;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The app's database during the benchmark: PostgreSQL as in production when the tests'
 * server answers ({@link LocalPostgres}: 127.0.0.1:5432, database {@code test}, user
 * {@code postgres}, or {@code
 * -Daudit.test.postgres.url} and {@code .user}), in a schema of its own dropped
 * afterwards; else H2 in files, the app's default, in its freshly made directory.
 */
final class AppStore implements AutoCloseable {

    private final String description;

    private final Map<String, String> environment;

    private final @Nullable String schema;

    private AppStore(String description, Map<String, String> environment, @Nullable String schema) {
        this.description = description;
        this.environment = environment;
        this.schema = schema;
    }

    /**
     * @param choice {@code auto}, {@code postgres} or {@code h2}
     */
    static AppStore choose(String choice) {
        boolean postgres = switch (choice) {
            case "postgres" -> true;
            case "h2" -> false;
            default -> LocalPostgres.reachable();
        };
        if (!postgres) {
            return new AppStore(
                    "H2 in files under the app's ./data (its default)"
                            + ("auto".equals(choice) ? ", as no PostgreSQL answers at " + LocalPostgres.URL : ""),
                    Map.of(), null);
        }
        String schema = LocalPostgres.createSchema();
        return new AppStore("PostgreSQL at " + LocalPostgres.URL + ", schema " + schema,
                Map.of("SPRING_DATASOURCE_URL", LocalPostgres.urlOf(schema), "SPRING_DATASOURCE_USERNAME",
                        LocalPostgres.USER, "SPRING_DATASOURCE_PASSWORD", ""),
                schema);
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
            LocalPostgres.dropSchema(schema);
        }
    }

}
