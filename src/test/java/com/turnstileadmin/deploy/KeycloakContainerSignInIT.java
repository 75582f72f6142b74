package com.turnstileadmin.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * The sign-in contract against the compose file's Keycloak image itself, with its
 * command, its environment and the realm copied to where the compose file mounts it; the
 * app as its image runs it, on this machine. Keycloak's port is fixed before it starts (a
 * free one), since its address is its issuer. Needs a local Docker engine; without one,
 * skipped ({@link LocalKeycloakSignInIT} runs the same contract on Keycloak's
 * distribution).
 */
@Testcontainers(disabledWithoutDocker = true)
class KeycloakContainerSignInIT extends KeycloakSignInContract {

    private static final int HTTP_PORT = 8080;

    private static final int MANAGEMENT_PORT = 9000;

    private static GenericContainer<?> keycloak;

    @BeforeAll
    @SuppressWarnings({ "resource", "unchecked" })
    static void startKeycloakAndTheApp() {
        Optional<Path> jdk = ModernJdk.find();
        assumeTrue(jdk.isPresent(),
                "The app's image runs on Java 25; this machine has no JDK " + ModernJdk.MINIMUM + "+ to run it");
        startTheApp(jdk.get());
        ComposeFile file = compose.compose();
        keycloak = new GenericContainer<>(DockerImageName.parse((String) file.service("keycloak").get("image")))
            .withCommand(((List<String>) file.service("keycloak").get("command")).toArray(String[]::new))
            .withEnv(compose.keycloakEnvironment())
            .withCopyToContainer(Transferable.of(compose.realm()), RealmFile.IMPORT_DIRECTORY + "turnstile-realm.json")
            .withExposedPorts(HTTP_PORT, MANAGEMENT_PORT)
            .withCreateContainerCmdModifier(command -> command.getHostConfig()
                .withPortBindings(
                        new PortBinding(Ports.Binding.bindPort(compose.keycloakPort()), ExposedPort.tcp(HTTP_PORT)),
                        new PortBinding(Ports.Binding.empty(), ExposedPort.tcp(MANAGEMENT_PORT))))
            .waitingFor(Wait.forHttp("/health/ready")
                .forPort(MANAGEMENT_PORT)
                .forStatusCode(200)
                .withStartupTimeout(Duration.ofMinutes(3)));
        keycloak.start();
        app.awaitHealthy();
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.stop();
        }
    }

    /**
     * The image has no curl or wget: the compose file's healthcheck must work with what
     * it has.
     */
    @Test
    void theComposeFilesHealthcheckWorksInsideTheImage() throws Exception {
        List<String> healthcheck = compose.compose().healthcheck("keycloak");

        ExecResult result = keycloak.execInContainer(healthcheck.subList(1, healthcheck.size()).toArray(String[]::new));

        assertThat(result.getExitCode()).as(result.getStderr()).isZero();
    }

}
