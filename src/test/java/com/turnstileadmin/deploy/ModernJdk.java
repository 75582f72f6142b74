package com.turnstileadmin.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A JDK 21 or newer on this machine, for what the build's JDK 17 cannot run: Keycloak,
 * and the app as its image runs it (on a JRE 25). The one running the tests if it is new
 * enough, else the preferred Temurin 25, else the newest one under {@code /usr/lib/jvm}.
 */
public final class ModernJdk {

    public static final int MINIMUM = 21;

    private static final Path PREFERRED = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    private static final Path INSTALLED = Path.of("/usr/lib/jvm");

    private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    private ModernJdk() {
    }

    /**
     * The JDK's home, or empty if this machine has none of version {@value #MINIMUM} or
     * newer.
     */
    public static Optional<Path> find() {
        Path running = Path.of(System.getProperty("java.home"));
        if (Runtime.version().feature() >= MINIMUM) {
            return Optional.of(running);
        }
        if (version(PREFERRED) >= MINIMUM) {
            return Optional.of(PREFERRED);
        }
        if (!Files.isDirectory(INSTALLED)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(INSTALLED)) {
            return homes.filter(home -> version(home) >= MINIMUM).max(Comparator.comparingInt(ModernJdk::version));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path java(Path home) {
        return home.resolve("bin").resolve("java");
    }

    /**
     * The feature version its {@code release} file states, or 0 if it is no JDK with a
     * {@code java}.
     */
    public static int version(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(java(home))) {
            return 0;
        }
        try {
            Matcher version = VERSION.matcher(Files.readString(release));
            return version.find() ? Integer.parseInt(version.group(1)) : 0;
        }
        catch (IOException e) {
            return 0;
        }
    }

}
