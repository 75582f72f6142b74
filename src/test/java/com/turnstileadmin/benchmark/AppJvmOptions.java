package com.turnstileadmin.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The app's JVM options in the benchmark: the image's (or
 * {@code -Dbenchmark.jvmOptions}), with what stands in for its container:
 * {@code -XX:MaxRAM} for the memory limit, and the collector a JVM picks under that limit
 * unless the options name one.
 *
 * @param options what the app gets as {@code JAVA_TOOL_OPTIONS}
 * @param from where they came from and what the benchmark added, for the report
 */
record AppJvmOptions(String options, String from) {

    private static final long SERVER_CLASS_MEMORY = 1792L * 1024 * 1024;

    private static final Pattern GC_OPTION = Pattern.compile("-XX:\\+Use\\w+GC\\b");

    private static final Pattern SIZE = Pattern.compile("(\\d+)([kKmMgG]?)");

    /**
     * @param override {@code -Dbenchmark.jvmOptions}, if given
     * @param maxRam the container limit the JVM is to believe it has, e.g. 512m; blank
     * for none
     */
    static AppJvmOptions of(String imageOptions, @Nullable String override, String maxRam) {
        String options = override != null ? override : imageOptions;
        String from = override != null ? "from -Dbenchmark.jvmOptions" : "the Dockerfile's";
        if (!maxRam.isBlank()) {
            options = options + " -XX:MaxRAM=" + maxRam;
            from = from + ", with -XX:MaxRAM for the container's limit";
            // In a container the JVM picks its collector by the limit: under 1792 MB it
            // is no "server class
            // machine" and takes the Serial GC. -XX:MaxRAM sizes the heap but leaves that
            // choice to the
            // host's memory (G1 here), so the stand-in names the container's choice
            // unless the options do.
            if (!GC_OPTION.matcher(options).find() && bytes(maxRam) < SERVER_CLASS_MEMORY) {
                options = options + " -XX:+UseSerialGC";
                from = from + " and the collector a JVM picks under it";
            }
        }
        return new AppJvmOptions(options, from);
    }

    /**
     * The collector and memory limits {@code java} picks with these options, e.g.
     * "SerialGC, max heap 206 MB, ...".
     */
    String chosenSettings(Path java) {
        ProcessBuilder flags = new ProcessBuilder(List.of(java.toString(), "-XX:+PrintFlagsFinal", "-version"))
            .redirectErrorStream(true);
        flags.environment().put("JAVA_TOOL_OPTIONS", options);
        try {
            Process process = flags.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            String gc = Stream.of("UseSerialGC", "UseParallelGC", "UseG1GC", "UseZGC", "UseShenandoahGC")
                .filter(flag -> flagValue(output, flag).equals("true"))
                .findFirst()
                .map(flag -> flag.substring(3))
                .orElse("unknown GC");
            return gc + ", max heap " + megabytes(flagValue(output, "MaxHeapSize")) + ", code cache "
                    + megabytes(flagValue(output, "ReservedCodeCacheSize")) + ", thread stack "
                    + flagValue(output, "ThreadStackSize") + " KB, " + flagValue(output, "CICompilerCount")
                    + " JIT compiler threads";
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
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
        }
        catch (NumberFormatException e) {
            return bytes;
        }
    }
}
