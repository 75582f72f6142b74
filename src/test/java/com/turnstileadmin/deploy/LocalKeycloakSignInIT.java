package com.turnstileadmin.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sign-in contract without Docker: Keycloak's distribution from Maven Central (the
 * build unpacks it into {@code target/} before the integration tests; system property
 * {@code keycloak.home}), run by a JDK 21+ of this machine as the compose file runs its
 * image, and the app as its image runs it. Keycloak and the app start together, once for
 * all tests; Keycloak takes about half a minute (and a minute more on its first start
 * from a fresh {@code target/}, when it builds itself for the options).
 */
class LocalKeycloakSignInIT extends KeycloakSignInContract {

    private static LocalKeycloak keycloak;

    @BeforeAll
    static void startKeycloakAndTheApp() {
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak-unset"));
        assumeTrue(Files.isExecutable(home.resolve("bin").resolve("kc.sh")),
                "Keycloak's distribution is not unpacked at " + home
                        + " (./mvnw verify unpacks it before the integration tests)");
        Optional<Path> jdk = ModernJdk.find();
        assumeTrue(jdk.isPresent(), "Keycloak and the app's image need a JDK " + ModernJdk.MINIMUM
                + "+; this machine has none in " + "java.home or /usr/lib/jvm, so Keycloak's sign-in is not tried");
        startTheApp(jdk.get());
        keycloak = new LocalKeycloak(home, jdk.get(), compose);
        app.awaitHealthy();
        keycloak.awaitHealthy();
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    /** What is tried here is what the compose file runs. */
    @Test
    void theDistributionIsTheVersionOfTheComposeFilesImage() throws IOException {
        String version = Files.readString(Path.of(System.getProperty("keycloak.home")).resolve("version.txt")).strip();

        assertThat(compose.compose().service("keycloak").get("image")).asString()
            .endsWith(":" + version.substring(version.lastIndexOf(' ') + 1));
    }

}
