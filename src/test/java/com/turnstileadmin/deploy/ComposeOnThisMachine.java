package com.turnstileadmin.deploy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The compose file's services moved onto this machine, each on a free port: what the
 * compose network calls {@code keycloak:8080} is {@code 127.0.0.1:<Keycloak's port>}
 * here, what browsers reach at {@code localhost:8180} is
 * {@code localhost:<Keycloak's port>}, and the app is at {@code localhost:<its port>}. So
 * the app reaches Keycloak at another address than the browser does, as in Compose, and
 * reads its discovery document through {@code OIDC_DISCOVERY_URI} as there. Everything
 * else is the compose file's, as {@code docker compose up} without a {@code .env} gives
 * it, except the database: an H2 database in memory instead of the {@code db} service.
 */
final class ComposeOnThisMachine {

    private final ComposeFile compose = ComposeFile.read();

    private final int appPort;

    private final int keycloakPort;

    ComposeOnThisMachine(int appPort, int keycloakPort) {
        this.appPort = appPort;
        this.keycloakPort = keycloakPort;
    }

    /** Where the browser reaches the app. */
    String appUrl() {
        return "http://localhost:" + appPort;
    }

    /** Where the browser reaches Keycloak. */
    String keycloakUrl() {
        return "http://localhost:" + keycloakPort;
    }

    int appPort() {
        return appPort;
    }

    int keycloakPort() {
        return keycloakPort;
    }

    /** The {@code app} service's environment, moved here. */
    Map<String, String> appEnvironment() {
        Map<String, String> environment = moved(compose.environment("app"));
        environment.put("SPRING_DATASOURCE_URL", "jdbc:h2:mem:compose-" + appPort + ";DB_CLOSE_DELAY=-1");
        return environment;
    }

    /** The {@code keycloak} service's environment, moved here. */
    Map<String, String> keycloakEnvironment() {
        return moved(compose.environment("keycloak"));
    }

    /** The realm the compose file imports, for the app where it is here. */
    String realm() {
        return RealmFile.of(compose).forAppAt(appUrl());
    }

    ComposeFile compose() {
        return compose;
    }

    private Map<String, String> moved(Map<String, String> environment) {
        String keycloakInside = "http://keycloak:8080";
        String keycloakOutside = "http://localhost:" + compose.publishedPort("keycloak", 8080);
        Map<String, String> moved = new LinkedHashMap<>();
        environment
            .forEach((name, value) -> moved.put(name, value.replace(keycloakInside, "http://127.0.0.1:" + keycloakPort)
                .replace(keycloakOutside, keycloakUrl())));
        return moved;
    }

}
