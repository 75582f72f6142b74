package com.turnstileadmin.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JVM that runs the app as the Docker image does: a JDK of version 21 or newer (virtual threads),
 * with the {@code JAVA_TOOL_OPTIONS} of the Dockerfile and a {@code -XX:MaxRAM} that stands for the
 * container's memory limit.
 *
 * @param java the {@code java} binary
 * @param version its feature version, e.g. 25
 * @param options what the app gets as {@code JAVA_TOOL_OPTIONS}
 * @param optionsFrom where the options came from and what the benchmark added, for the report
 */
record AppJvm(Path java, int version, String options, String optionsFrom) {

    /** What the Dockerfile is to start with; used when the repository has none. */
    static final String DEFAULT_OPTIONS = "-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError";
    private static final int MINIMUM_VERSION = 21;
    private static final long SERVER_CLASS_MEMORY = 1792L * 1024 * 1024;
    private static final Pattern GC_OPTION = Pattern.compile("-XX:\\+Use\\w+GC\\b");
    private static final Pattern SIZE = Pattern.compile("(\\d+)([kKmMgG]?)");
    private static final Path JVM_DIRECTORY = Path.of("/usr/lib/jvm");
    private static final Pattern DOCKERFILE_OPTIONS =
            Pattern.compile("^\\s*ENV\\s+JAVA_TOOL_OPTIONS(?:=|\\s+)\"([^\"]*)\"\\s*$", Pattern.MULTILINE);
    private static final Pattern RELEASE_VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    static AppJvm choose(LoadSettings settings, Path dockerfile) {
        Installed jdk = settings.java() != null ? Installed.at(Path.of(settings.java())) : findJdk();
        String options;
        String from;
        if (settings.jvmOptions() != null) {
            options = settings.jvmOptions();
            from = "from -Dbenchmark.jvmOptions";
        } else {
            Optional<String> fromDockerfile = dockerfileOptions(dockerfile);
            options = fromDockerfile.orElse(DEFAULT_OPTIONS);
            from = fromDockerfile.isPresent() ? "from the Dockerfile" : "the default, as there is no Dockerfile";
        }
        if (!settings.maxRam().isBlank()) {
            options = options + " -XX:MaxRAM=" + settings.maxRam();
            from = from + ", with -XX:MaxRAM for the container's limit";
            // In a container the JVM picks its collector by the limit: under 1792 MB it is no "server class
            // machine" and takes the Serial GC. -XX:MaxRAM sizes the heap but leaves that choice to the
            // host's memory (G1 here), so the stand-in names the container's choice unless the options do.
            if (!GC_OPTION.matcher(options).find() && bytes(settings.maxRam()) < SERVER_CLASS_MEMORY) {
                options = options + " -XX:+UseSerialGC";
                from = from + " and the collector a JVM picks under it";
            }
        }
        return new AppJvm(jdk.java(), jdk.version(), options, from);
    }

    /** A JDK's {@code java} binary and feature version. */
    private record Installed(Path java, int version) {

        /** The JDK at a home directory or a {@code java} binary, its version from its {@code release} file. */
        static Installed at(Path homeOrBinary) {
            Path home = Files.isDirectory(homeOrBinary) ? homeOrBinary : homeOrBinary.getParent().getParent();
            int version = versionOf(home).orElseThrow(
                    () -> new IllegalStateException("No JDK release file in " + home + " (-Dbenchmark.java)"));
            return new Installed(home.resolve("bin/java"), version);
        }
    }

    /** Arguments of a {@code java} command line, with the options in the environment where the image has them. */
    List<String> command(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(List.of(arguments));
        return command;
    }

    /** The garbage collector and memory limits this JVM picks with these options, e.g. "SerialGC, max heap 307 MB". */
    String chosenSettings() {
        ProcessBuilder flags = new ProcessBuilder(command("-XX:+PrintFlagsFinal", "-version")).redirectErrorStream(true);
        flags.environment().put("JAVA_TOOL_OPTIONS", options);
        try {
            Process process = flags.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            String gc = Stream.of("UseSerialGC", "UseParallelGC", "UseG1GC", "UseZGC", "UseShenandoahGC")
                    .filter(flag -> flagValue(output, flag).equals("true")).findFirst()
                    .map(flag -> flag.substring(3)).orElse("unknown GC");
            return gc + ", max heap " + megabytes(flagValue(output, "MaxHeapSize")) + ", code cache "
                    + megabytes(flagValue(output, "ReservedCodeCacheSize")) + ", thread stack "
                    + flagValue(output, "ThreadStackSize") + " KB, " + flagValue(output, "CICompilerCount")
                    + " JIT compiler threads";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    static Optional<String> dockerfileOptions(Path dockerfile) {
        if (!Files.isRegularFile(dockerfile)) {
            return Optional.empty();
        }
        try {
            Matcher line = DOCKERFILE_OPTIONS.matcher(Files.readString(dockerfile));
            return line.find() ? Optional.of(line.group(1).strip()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The running JVM if it is new enough, else the newest JDK under /usr/lib/jvm that is. */
    private static Installed findJdk() {
        Path current = Path.of(System.getProperty("java.home"));
        if (Runtime.version().feature() >= MINIMUM_VERSION) {
            return new Installed(current.resolve("bin/java"), Runtime.version().feature());
        }
        try (Stream<Path> homes = Files.list(JVM_DIRECTORY)) {
            return homes.filter(home -> versionOf(home).orElse(0) >= MINIMUM_VERSION)
                    .filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .max(Comparator.comparing((Path home) -> versionOf(home).orElse(0)))
                    .map(Installed::at)
                    .orElseThrow(() -> noJdk(current));
        } catch (IOException e) {
            throw noJdk(current);
        }
    }

    private static IllegalStateException noJdk(Path current) {
        return new IllegalStateException("The app runs on Java " + MINIMUM_VERSION + " or newer in its image "
                + "(virtual threads), but " + current + " is Java " + Runtime.version().feature() + " and "
                + JVM_DIRECTORY + " holds none: give one with -Dbenchmark.java=<JDK home>");
    }

    private static Optional<Integer> versionOf(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            Matcher version = RELEASE_VERSION.matcher(Files.readString(release));
            return version.find() ? Optional.of(Integer.parseInt(version.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A size as the JVM's options write it: 512m, 2g, 1048576. */
    private static long bytes(String size) {
        Matcher value = SIZE.matcher(size.strip());
        if (!value.matches()) {
            throw new IllegalArgumentException("benchmark.maxRam must be a size such as 512m, not " + size);
        }
        int shift = switch (value.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        return Long.parseLong(value.group(1)) << shift;
    }

    private static String flagValue(String printFlagsFinal, String flag) {
        Matcher value = Pattern.compile("\\s" + flag + "\\s+=\\s+(\\S+)").matcher(printFlagsFinal);
        return value.find() ? value.group(1) : "?";
    }

    private static String megabytes(String bytes) {
        try {
            return Long.parseLong(bytes) / (1024 * 1024) + " MB";
        } catch (NumberFormatException e) {
            return bytes;
        }
    }
}
