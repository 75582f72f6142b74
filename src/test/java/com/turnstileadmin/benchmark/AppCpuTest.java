package com.turnstileadmin.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class AppCpuTest {

    @TempDir
    Path proc;

    @Test
    void theProcessTimeIsUserPlusSystemAndTheCompilersAreTheThreadsNamedSo() throws IOException {
        stat(proc, "4242 (java (app) x) S 1 4242 4242 0 -1 4194560 900 0 0 0 1500 250 0 0 20 0 60 0 100 0 0");
        stat(proc.resolve("task/4243"), "4243 (C2 CompilerThre) S 1 4242 4242 0 -1 0 0 0 0 0 400 20 0 0 20 0 1 0");
        stat(proc.resolve("task/4244"), "4244 (C1 CompilerThre) S 1 4242 4242 0 -1 0 0 0 0 0 30 5 0 0 20 0 1 0");
        stat(proc.resolve("task/4245"), "4245 (ForkJoinPool-1-) S 1 4242 4242 0 -1 0 0 0 0 0 900 100 0 0 20 0 1 0");
        Files.createDirectories(proc.resolve("task/4246"));

        AppCpu.Reading reading = new AppCpu(proc).now();

        assertThat(reading.process()).isEqualTo(Duration.ofMillis(17_500));
        assertThat(reading.compilers()).isEqualTo(Duration.ofMillis(4_550));
    }

    @Test
    void aReadingSinceAnEarlierOneIsWhatWasUsedBetween() {
        AppCpu.Reading earlier = new AppCpu.Reading(Duration.ofSeconds(10), Duration.ofSeconds(4));
        AppCpu.Reading later = new AppCpu.Reading(Duration.ofSeconds(25), Duration.ofSeconds(5));

        assertThat(later.since(earlier)).isEqualTo(new AppCpu.Reading(Duration.ofSeconds(15), Duration.ofSeconds(1)));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void itAgreesWithTheJdksAccountOfThisProcess() {
        long pid = ProcessHandle.current().pid();
        Duration jdk = ProcessHandle.current().info().totalCpuDuration().orElseThrow();

        Duration read = new AppCpu(pid).now().process();

        // Read one after the other, a few ticks apart at most: this checks the fields and
        // the tick length.
        assertThat(read).isBetween(jdk.minusMillis(50), jdk.plusMillis(500));
    }

    private static void stat(Path dir, String line) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("stat"), line + "\n");
    }

}
