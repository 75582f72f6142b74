package com.turnstileadmin.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AppJvmOptionsTest {

    private static final String IMAGE = "-XX:MaxRAMPercentage=40 -XX:+ExitOnOutOfMemoryError";

    @Test
    void theImagesOptionsGetTheContainersLimitAndTheCollectorTheJvmPicksUnderIt() {
        AppJvmOptions jvm = AppJvmOptions.of(IMAGE, null, "512m");

        assertThat(jvm.options()).isEqualTo(IMAGE + " -XX:MaxRAM=512m -XX:+UseSerialGC");
        assertThat(jvm.from()).startsWith("the Dockerfile's");
    }

    @Test
    void theCollectorIsNamedOnlyWhereTheJvmWouldPickSerialAndTheOptionsNameNone() {
        assertThat(AppJvmOptions.of(IMAGE + " -XX:+UseG1GC", null, "512m").options())
            .isEqualTo(IMAGE + " -XX:+UseG1GC -XX:MaxRAM=512m");
        assertThat(AppJvmOptions.of(IMAGE, null, "2g").options()).isEqualTo(IMAGE + " -XX:MaxRAM=2g");
        assertThat(AppJvmOptions.of(IMAGE, null, "1024m").options()).endsWith(" -XX:MaxRAM=1024m -XX:+UseSerialGC");
        assertThat(AppJvmOptions.of(IMAGE, null, "").options()).isEqualTo(IMAGE);
    }

    @Test
    void optionsToTryReplaceTheImages() {
        AppJvmOptions jvm = AppJvmOptions.of(IMAGE, "-XX:TieredStopAtLevel=1", "512m");

        assertThat(jvm.options()).isEqualTo("-XX:TieredStopAtLevel=1 -XX:MaxRAM=512m -XX:+UseSerialGC");
        assertThat(jvm.from()).startsWith("from -Dbenchmark.jvmOptions");
    }

    @Test
    void theChosenSettingsAreTheJvmsOwn() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");

        assertThat(AppJvmOptions.of("-Xmx64m", null, "").chosenSettings(java)).contains("max heap 64 MB");
        assertThat(AppJvmOptions.of(IMAGE, null, "512m").chosenSettings(java)).as("40% of 512 MB, aligned")
            .matches("SerialGC, max heap 20[4-7] MB, .*");
    }

}
