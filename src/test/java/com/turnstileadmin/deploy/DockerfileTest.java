package com.turnstileadmin.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.turnstileadmin.deploy.Dockerfile.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The {@code Dockerfile}'s essentials, read without Docker. {@link LocalKeycloakSignInIT}
 * runs its extract command, its {@code ENTRYPOINT} with its {@code JAVA_TOOL_OPTIONS},
 * and its {@code HEALTHCHECK}.
 */
class DockerfileTest {

    private static final Pattern JRE = Pattern.compile("eclipse-temurin:(\\d+)-jre(-.*)?");

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|token|api_?key|credential).*");

    private final Dockerfile dockerfile = Dockerfile.read();

    @Test
    void theAppIsBuiltInOneStageWithTheWrapperAndRunsOnAJre21OrNewerInAnother() {
        assertThat(dockerfile.stages()).hasSize(2);
        Stage build = dockerfile.stage("build");
        assertThat(build.image()).startsWith("eclipse-temurin:25-jdk");
        assertThat(build.arguments("RUN")).anyMatch(run -> run.startsWith("--mount=type=cache,target=/root/.m2 ")
                && run.contains("./mvnw -B package -DskipTests"));

        Matcher runtime = JRE.matcher(dockerfile.runtime().image());
        assertThat(runtime.matches()).as("a JRE image: %s", dockerfile.runtime().image()).isTrue();
        assertThat(Integer.parseInt(runtime.group(1))).as("virtual threads need 21").isGreaterThanOrEqualTo(21);
    }

    /**
     * The layers in order of how often they change, so that a new commit rebuilds only
     * the last.
     */
    @Test
    void theLayeredJarIsCopiedLeastChangedFirstAndStartedByItsLauncher() {
        assertThat(dockerfile.stage("build").arguments("RUN"))
            .anyMatch(run -> run.contains("-Djarmode=tools -jar") && run.contains("extract --layers --launcher"));
        assertThat(dockerfile.runtime().arguments("COPY")).containsExactly(
                "--from=build /build/extracted/dependencies/ ./",
                "--from=build /build/extracted/spring-boot-loader/ ./",
                "--from=build /build/extracted/snapshot-dependencies/ ./",
                "--from=build /build/extracted/application/ ./");
        assertThat(dockerfile.entrypoint()).containsExactly("java",
                "org.springframework.boot.loader.launch.JarLauncher");
        assertThat(dockerfile.runtime().only("EXPOSE")).isEqualTo("8080");
    }

    @Test
    void theAppRunsAsAFixedNonRootUser() {
        String user = dockerfile.runtime().only("USER");

        assertThat(user).matches("\\d+(:\\d+)?");
        String uid = user.split(":")[0];
        assertThat(Integer.parseInt(uid)).isPositive();
        assertThat(dockerfile.runtime().arguments("RUN"))
            .as("the user exists, with a directory for the default H2 store")
            .anyMatch(run -> run.contains("useradd") && run.contains("--uid " + uid) && run.contains("/app/data"));
    }

    @Test
    void theHealthcheckAsksForLivenessWithoutCurlOrWget() {
        List<String> healthcheck = dockerfile.healthcheck();

        assertThat(healthcheck.subList(0, 2)).containsExactly("bash", "-c");
        assertThat(healthcheck.get(2))
            .contains("/dev/tcp/127.0.0.1/${SERVER_PORT:-8080}", "GET /actuator/health/liveness ")
            .doesNotContain("curl", "wget");
    }

    /**
     * One line, which the benchmark's tuning edits, and nothing that needs the app to be
     * started with more.
     */
    @Test
    void theJvmFollowsTheContainersMemoryLimitAndStopsWhenItRunsOut() {
        String options = dockerfile.environment("JAVA_TOOL_OPTIONS");

        assertThat(options).containsPattern("-XX:MaxRAMPercentage=\\d+").contains("-XX:+ExitOnOutOfMemoryError");
        assertThat(options).doesNotContain("-Xmx").as("a fixed heap would ignore the container's limit");
    }

    @Test
    void noSecretIsBakedIntoTheImage() {
        for (Stage stage : dockerfile.stages()) {
            for (String keyword : List.of("ENV", "ARG")) {
                assertThat(stage.arguments(keyword))
                    .noneMatch(argument -> SECRET_NAME.matcher(argument.split("[= ]")[0]).matches());
            }
        }
        assertThat(dockerfile.runtime().arguments("COPY")).allMatch(copy -> copy.startsWith("--from=build "),
                "the runtime stage takes nothing from the build context itself (.env, .git)");
    }

    @Test
    void theBuildContextHoldsGitForTheCommitButNoBuildOutputDataOrLocalSecrets() throws IOException {
        List<String> ignored = Files.readAllLines(Path.of(".dockerignore"))
            .stream()
            .filter(line -> !line.isBlank() && !line.startsWith("#"))
            .toList();

        assertThat(ignored).contains("target/", "data/", ".env", ".idea/").doesNotContain(".git", ".git/");
    }

    @Test
    void continuedLinesAreJoinedCommentsDroppedAndTheShellFormRefused() {
        Dockerfile parsed = Dockerfile.parse(List.of("# syntax=docker/dockerfile:1", "FROM a:1 AS build", "RUN one \\",
                "  # dropped", "    two", "FROM b:2", "ENV X=\"1 2\"", "ENTRYPOINT java -jar x"));

        assertThat(parsed.stage("build").arguments("RUN")).containsExactly("one two");
        assertThat(parsed.environment("X")).isEqualTo("1 2");
        assertThatThrownBy(parsed::entrypoint).hasMessageStartingWith("Not in exec form");
    }

}
