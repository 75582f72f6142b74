package com.turnstileadmin.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;

/**
 * The app in a process of its own, started the way its Docker image starts it: the packaged jar
 * extracted by Spring Boot's jar tools, then {@code java org.springframework.boot.loader.launch.JarLauncher}
 * in that directory, with the JVM options in {@code JAVA_TOOL_OPTIONS}. Its output goes to a log file.
 */
final class AppProcess implements AutoCloseable {

    private static final String LAUNCHER = "org.springframework.boot.loader.launch.JarLauncher";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    /** Inherited settings of the app that would change what is measured. */
    private static final List<String> FOREIGN_SETTINGS = List.of("SPRING_", "CLOUDFLARE_", "OIDC_", "LOCAL_",
            "SERVER_", "SANDBOX_", "SESSION_", "LOGGING_", "MANAGEMENT_", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS",
            "CLASSPATH");

    private final Process process;
    private final URI baseUrl;
    private final Path log;
    private final Duration startup;

    private AppProcess(Process process, URI baseUrl, Path log, Duration startup) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
        this.startup = startup;
    }

    /**
     * Extracts the jar into {@code directory} (emptied first). The image extracts it with {@code --layers}
     * and copies the layers into one directory; without {@code --layers} the tools write those very
     * files into one directory at once.
     */
    static void extract(AppJvm jvm, Path jar, Path directory) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: run ./mvnw verify -Pbenchmark, which packages it");
        }
        try {
            FileSystemUtils.deleteRecursively(directory);
            ProcessBuilder extract = new ProcessBuilder(jvm.command("-Djarmode=tools", "-jar", jar.toString(),
                    "extract", "--launcher", "--destination", directory.toString())).redirectErrorStream(true);
            extract.environment().keySet().removeIf(AppProcess::isForeign);
            Process process = extract.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("Extracting " + jar + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while extracting the jar", e);
        }
    }

    /** Starts the app in {@code directory} on a free loopback port and waits until its health endpoint says UP. */
    static AppProcess start(AppJvm jvm, Path directory, Map<String, String> environment, Path log)
            throws InterruptedException {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(jvm.command(LAUNCHER)).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(AppProcess::isForeign);
        env.putAll(environment);
        env.put("JAVA_TOOL_OPTIONS", jvm.options());
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        URI baseUrl = URI.create("http://127.0.0.1:" + port);
        try {
            return new AppProcess(process, baseUrl, log, awaitHealthy(process, baseUrl, log, started));
        } catch (RuntimeException | InterruptedException e) {
            stop(process);
            throw e;
        }
    }

    URI baseUrl() {
        return baseUrl;
    }

    long pid() {
        return process.pid();
    }

    /** From starting the process to the health endpoint's first UP. */
    Duration startup() {
        return startup;
    }

    Path log() {
        return log;
    }

    /** Stops the app as {@code docker stop} does: SIGTERM, then SIGKILL if it takes too long. */
    @Override
    public void close() throws InterruptedException {
        stop(process);
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static Duration awaitHealthy(Process process, URI baseUrl, Path log, long started)
            throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(baseUrl.resolve("/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = started + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app stopped with exit code " + process.exitValue()
                        + " before it was up; its output:\n" + tail(log));
            }
            try {
                HttpResponse<String> answer = client.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The app was not up after " + START_TIMEOUT.toSeconds() + " s; its output:\n"
                + tail(log));
    }

    /** The end of the app's output, to show why it failed. */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(could not read " + log + ": " + e.getMessage() + ")";
        }
    }

    private static boolean isForeign(String variable) {
        return FOREIGN_SETTINGS.stream().anyMatch(variable::startsWith);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
