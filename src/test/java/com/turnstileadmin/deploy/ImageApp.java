package com.turnstileadmin.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;

/**
 * The app as its Docker image runs it, without Docker: the jar that
 * {@code ./mvnw package} built is taken apart by the Dockerfile's own extract command,
 * its layers are copied as the Dockerfile's {@code COPY} lines say, and it is started
 * with the Dockerfile's {@code ENTRYPOINT} and {@code JAVA_TOOL_OPTIONS} on a JDK 21+
 * (the image's is a JRE 25). Whether it is up is the Dockerfile's {@code HEALTHCHECK}
 * command's answer. The load benchmark runs the app this way too.
 */
public final class ImageApp implements AutoCloseable {

    private static final Path TARGET = Path.of("target");

    private final Dockerfile dockerfile = Dockerfile.read();

    private final Path jdk;

    private final int port;

    private final ServerProcess process;

    private final Path log;

    /**
     * @param environment the container's environment (from the compose file), without
     * {@code SERVER_PORT} and {@code JAVA_TOOL_OPTIONS}, which this adds
     */
    ImageApp(Path jdk, int port, Map<String, String> environment) {
        this(jdk, port, environment, imageJavaToolOptions());
    }

    /**
     * @param javaToolOptions the JVM options instead of the Dockerfile's (see
     * {@link #imageJavaToolOptions()}), e.g. with what stands in for the container's
     * memory limit
     */
    public ImageApp(Path jdk, int port, Map<String, String> environment, String javaToolOptions) {
        this.jdk = jdk;
        this.port = port;
        Path work = TARGET.resolve("image-app");
        Path build = work.resolve("build");
        Path app = work.resolve("app");
        extract(build);
        copyLayers(build, app);
        Map<String, String> container = new HashMap<>(environment);
        container.put("JAVA_TOOL_OPTIONS", javaToolOptions);
        container.putAll(shell());
        List<String> command = new ArrayList<>(dockerfile.entrypoint());
        command.set(0, ModernJdk.java(jdk).toString());
        this.log = work.resolve("app.log");
        this.process = ServerProcess.start("the app", command, app, container, log);
    }

    /** The JVM options the image gives the app: its {@code ENV JAVA_TOOL_OPTIONS}. */
    public static String imageJavaToolOptions() {
        return Dockerfile.read().environment("JAVA_TOOL_OPTIONS");
    }

    /** Waits until the Dockerfile's HEALTHCHECK passes. */
    public void awaitHealthy() {
        process.awaitHealthy(dockerfile.healthcheck(), shell(), Duration.ofMinutes(3));
    }

    /**
     * The exit code of the Dockerfile's HEALTHCHECK command, asked where the app's port
     * is {@code port}.
     */
    int healthcheck(int port) {
        Map<String, String> environment = new HashMap<>(Map.of("PATH", System.getenv("PATH")));
        environment.put("SERVER_PORT", String.valueOf(port));
        return ServerProcess.run(dockerfile.healthcheck(), environment);
    }

    int port() {
        return port;
    }

    String log() {
        return process.log();
    }

    /** Where the app's output goes. */
    public Path logFile() {
        return log;
    }

    /**
     * The app's JVM: the image's {@code ENTRYPOINT} is {@code java} itself, with no shell
     * in between.
     */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.close();
    }

    /**
     * What a container's processes find: the app's port, and the JDK as the image's
     * {@code java}.
     */
    private Map<String, String> shell() {
        return Map.of("SERVER_PORT", String.valueOf(port), "PATH", jdk.resolve("bin") + ":" + System.getenv("PATH"),
                "JAVA_HOME", jdk.toString());
    }

    /**
     * The build stage's extract command, run where the build stage's WORKDIR would be, on
     * the packaged jar.
     */
    private void extract(Path build) {
        String extract = dockerfile.stage("build")
            .arguments("RUN")
            .stream()
            .filter(run -> run.contains("-Djarmode=tools"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("The Dockerfile extracts no layered jar"));
        Path jar = packagedJar();
        try {
            FileSystemUtils.deleteRecursively(build);
            Files.createDirectories(build.resolve("target"));
            Files.copy(jar, build.resolve("target").resolve(jar.getFileName()));
            Map<String, String> environment = new HashMap<>(shell());
            environment.remove("SERVER_PORT");
            ServerProcess extraction = ServerProcess.start("the extract command", List.of("sh", "-c", extract), build,
                    environment, build.resolve("extract.log"));
            extraction.awaitEnd(Duration.ofMinutes(1));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The runtime stage's {@code COPY --from=build <build stage path> ./}, in their
     * order.
     */
    private void copyLayers(Path build, Path app) {
        String buildWorkdir = dockerfile.stage("build").only("WORKDIR") + "/";
        try {
            FileSystemUtils.deleteRecursively(app);
            Files.createDirectories(app);
            for (String copy : dockerfile.runtime().arguments("COPY")) {
                String[] parts = copy.split("\\s+");
                if (parts.length != 3 || !parts[0].equals("--from=build") || !parts[1].startsWith(buildWorkdir)
                        || !parts[2].equals("./")) {
                    throw new AssertionError("Unexpected COPY " + copy);
                }
                Path layer = build.resolve(parts[1].substring(buildWorkdir.length()));
                if (!Files.isDirectory(layer)) {
                    throw new AssertionError("COPY " + copy + ": the extract command made no " + layer);
                }
                copyTree(layer, app);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                }
                else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** The jar {@code ./mvnw package} made; the failsafe tests run after it. */
    private static Path packagedJar() {
        try (Stream<Path> files = Files.list(TARGET)) {
            List<Path> jars = files.filter(file -> file.getFileName().toString().matches("turnstile-admin-.*\\.jar"))
                .toList();
            if (jars.size() != 1) {
                throw new AssertionError("Expected the one jar of ./mvnw package in target/, found " + jars
                        + " (run ./mvnw verify, which packages it before the integration tests)");
            }
            return jars.get(0);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
