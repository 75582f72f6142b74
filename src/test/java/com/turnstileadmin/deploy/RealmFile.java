package com.turnstileadmin.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Keycloak realm that {@code docker-compose.yml} mounts into Keycloak's import
 * directory.
 */
final class RealmFile {

    /**
     * Where Keycloak's {@code --import-realm} reads realms from, in its image and in its
     * distribution.
     */
    static final String IMPORT_DIRECTORY = "/opt/keycloak/data/import/";

    /** Where the app is in Compose, and so in the realm's redirect URIs. */
    static final String APP_ORIGIN = "http://localhost:8080";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path path;

    private final String text;

    private RealmFile(Path path, String text) {
        this.path = path;
        this.text = text;
    }

    /** The realm file that the compose file mounts into Keycloak's import directory. */
    static RealmFile of(ComposeFile compose) {
        List<String> imported = compose.volumes("keycloak")
            .stream()
            .filter(volume -> volume.split(":")[1].startsWith(IMPORT_DIRECTORY))
            .toList();
        if (imported.size() != 1) {
            throw new AssertionError(
                    "Keycloak should get one realm file in " + IMPORT_DIRECTORY + ", gets " + imported);
        }
        Path path = Path.of(imported.get(0).split(":")[0]).normalize();
        try {
            return new RealmFile(path, Files.readString(path));
        }
        catch (IOException e) {
            throw new AssertionError(
                    "The realm file " + path.toAbsolutePath() + " that docker-compose.yml mounts cannot be read", e);
        }
    }

    Path path() {
        return path;
    }

    /** The realm as JSON; fails if it is not. */
    JsonNode json() {
        return JSON.readTree(text);
    }

    JsonNode client(String clientId) {
        return json().path("clients")
            .valueStream()
            .filter(client -> clientId.equals(client.path("clientId").asString()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("The realm has no client " + clientId));
    }

    JsonNode user(String username) {
        return json().path("users")
            .valueStream()
            .filter(user -> username.equals(user.path("username").asString()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("The realm has no user " + username));
    }

    /**
     * The realm for an app at another address than Compose's (a test's app on a free
     * port): the redirect URIs, post-logout redirect URIs and web origins moved there,
     * nothing else changed.
     */
    String forAppAt(String appOrigin) {
        return text.replace(APP_ORIGIN, appOrigin);
    }

}
