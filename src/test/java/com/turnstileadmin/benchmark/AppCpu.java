package com.turnstileadmin.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The CPU time the app's process has used, as the kernel counts it ({@code utime + stime}
 * in {@code /proc/<pid>/stat}), and the part of it its JIT compiler threads used
 * ({@code /proc/<pid>/task}): a figure per request that a busy machine disturbs far less
 * than a latency, and a way to tell whether the JIT is still at work in the measured
 * window.
 */
final class AppCpu {

    /**
     * Linux reports these times in USER_HZ ticks, 100 a second on every architecture the
     * JDK runs on.
     */
    private static final long NANOS_PER_TICK = 10_000_000;

    // A thread's name as /proc shows it: at most 15 characters ("C2 CompilerThre").
    private static final String COMPILER_THREAD = "C\\d CompilerThre.*";

    /**
     * CPU time used so far: by the whole process, and by the JIT compiler threads alive
     * now.
     */
    record Reading(Duration process, Duration compilers) {

        Reading since(Reading earlier) {
            return new Reading(process.minus(earlier.process), compilers.minus(earlier.compilers));
        }
    }

    private final Path process;

    AppCpu(long pid) {
        this(Path.of("/proc", Long.toString(pid)));
    }

    /**
     * @param process the process's directory under {@code /proc}
     */
    AppCpu(Path process) {
        this.process = process;
    }

    Reading now() {
        try {
            return new Reading(ticks(Files.readString(process.resolve("stat"))), compilers());
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the app's CPU time in " + process, e);
        }
    }

    // A compiler thread that ended took its time out of the threads' sum (not the
    // process's): a lower bound.
    private Duration compilers() throws IOException {
        Duration sum = Duration.ZERO;
        try (Stream<Path> threads = Files.list(process.resolve("task"))) {
            for (Path thread : threads.toList()) {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    if (name(stat).matches(COMPILER_THREAD)) {
                        sum = sum.plus(ticks(stat));
                    }
                }
                catch (IOException ended) {
                    // The thread ended between the listing and the read (no such file, or
                    // no such process).
                }
            }
        }
        return sum;
    }

    /**
     * {@code pid (name) state ...}: the name may hold spaces and parentheses, so it ends
     * at the last ')'.
     */
    private static String name(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    /** utime and stime, the 14th and 15th fields: the 12th and 13th after the name. */
    private static Duration ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Duration.ofNanos((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK);
    }

}
