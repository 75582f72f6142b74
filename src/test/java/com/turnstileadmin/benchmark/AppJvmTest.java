package com.turnstileadmin.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppJvmTest {

    @TempDir
    Path directory;

    @Test
    void theOptionsAreTheDockerfilesJavaToolOptions() throws IOException {
        Path dockerfile = Files.writeString(directory.resolve("Dockerfile"), """
                FROM eclipse-temurin:25-jre
                ENV TZ=UTC
                ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -Xss512k"
                ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
                """);

        AppJvm jvm = AppJvm.choose(settings(null, "512m"), dockerfile);

        assertThat(jvm.options()).isEqualTo("-XX:MaxRAMPercentage=60 -Xss512k -XX:MaxRAM=512m -XX:+UseSerialGC");
        assertThat(jvm.optionsFrom()).startsWith("from the Dockerfile");
    }

    @Test
    void withoutADockerfileTheOptionsAreTheDefaults() {
        AppJvm jvm = AppJvm.choose(settings(null, ""), directory.resolve("Dockerfile"));

        assertThat(jvm.options()).isEqualTo(AppJvm.DEFAULT_OPTIONS);
    }

    @Test
    void theContainerStandInNamesTheCollectorOnlyWhereTheJvmWouldPickSerialAndTheOptionsNameNone() {
        Path none = directory.resolve("Dockerfile");

        assertThat(AppJvm.choose(settings("-XX:+UseG1GC", "512m"), none).options())
                .isEqualTo("-XX:+UseG1GC -XX:MaxRAM=512m");
        assertThat(AppJvm.choose(settings("-Xss512k", "2g"), none).options()).isEqualTo("-Xss512k -XX:MaxRAM=2g");
        assertThat(AppJvm.choose(settings("-Xss512k", "1024m"), none).options())
                .isEqualTo("-Xss512k -XX:MaxRAM=1024m -XX:+UseSerialGC");
    }

    @Test
    void theGivenJdkIsUsedWithItsVersion() {
        AppJvm jvm = AppJvm.choose(settings(null, ""), directory.resolve("Dockerfile"));

        assertThat(jvm.java()).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java"));
        assertThat(jvm.version()).isEqualTo(Runtime.version().feature());
    }

    /** Settings that run the app on this test's own JDK. */
    private static LoadSettings settings(@Nullable String jvmOptions, String maxRam) {
        return new LoadSettings(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1),
                Path.of("app.jar"), jvmOptions, maxRam, System.getProperty("java.home"), "h2");
    }
}
