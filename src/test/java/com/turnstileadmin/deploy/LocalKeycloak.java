package com.turnstileadmin.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.FileSystemUtils;

/**
 * Keycloak's own distribution (the server that its image holds, from Maven Central)
 * started as the compose file starts its {@code keycloak} service: its command, its
 * environment and the realm it imports, on this machine's free ports instead of 8080 and
 * 9000.
 */
final class LocalKeycloak implements AutoCloseable {

    /** The compose file's Keycloak answers its healthcheck on its management port. */
    private static final String MANAGEMENT_PORT = "9000";

    private final List<String> healthcheck;

    private final ServerProcess process;

    /**
     * @param home the unpacked distribution, e.g. {@code target/keycloak-26.7.3}
     */
    LocalKeycloak(Path home, Path jdk, ComposeOnThisMachine compose) {
        int managementPort = ServerProcess.freePort();
        importOnly(home, compose.realm());
        Map<String, String> environment = new HashMap<>(compose.keycloakEnvironment());
        environment.put("KC_HTTP_PORT", String.valueOf(compose.keycloakPort()));
        environment.put("KC_HTTP_MANAGEMENT_PORT", String.valueOf(managementPort));
        // The container's database is gone with the container; here a database in memory,
        // so that each
        // run imports the realm anew instead of keeping the last run's.
        environment.put("KC_DB", "dev-mem");
        // The JIT's quick tier only: Keycloak is ready in half the time on two busy cores
        // (24 s instead of
        // 57 s measured), and a few sign-ins never need the optimised code.
        environment.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        environment.put("JAVA_HOME", jdk.toString());
        environment.put("PATH", System.getenv("PATH"));
        List<String> command = new ArrayList<>(List.of(home.resolve("bin").resolve("kc.sh").toString()));
        command.addAll(command(compose.compose()));
        this.process = ServerProcess.start("Keycloak", command, home, environment,
                Path.of("target", "keycloak-it.log"));
        this.healthcheck = compose.compose()
            .healthcheck("keycloak")
            .stream()
            .skip(1)
            .map(part -> part.replace("/" + MANAGEMENT_PORT, "/" + managementPort))
            .toList();
    }

    /**
     * Waits until the compose file's healthcheck for Keycloak passes: the realm is
     * imported then.
     */
    void awaitHealthy() {
        process.awaitHealthy(healthcheck, Map.of("PATH", System.getenv("PATH")), Duration.ofMinutes(4));
    }

    @Override
    public void close() {
        process.close();
    }

    @SuppressWarnings("unchecked")
    private static List<String> command(ComposeFile compose) {
        return (List<String>) compose.service("keycloak").get("command");
    }

    /**
     * Puts the realm alone into the distribution's import directory, where
     * {@code --import-realm} reads it.
     */
    private static void importOnly(Path home, String realm) {
        Path imports = home.resolve("data").resolve("import");
        try {
            FileSystemUtils.deleteRecursively(imports);
            Files.createDirectories(imports);
            Files.writeString(imports.resolve("turnstile-realm.json"), realm);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
