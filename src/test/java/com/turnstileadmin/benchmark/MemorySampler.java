package com.turnstileadmin.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app's resident memory as the kernel counts it, which is what a container's memory
 * limit holds it to: {@code VmRSS} (now) and {@code VmHWM} (the peak since the process
 * started) from {@code /proc/<pid>/status}, sampled five times a second while the load
 * runs.
 */
final class MemorySampler implements AutoCloseable {

    /**
     * Resident memory at one moment, in kB: all of it, anonymous (heap, stacks, code
     * cache...) and file-backed.
     */
    record Memory(long rssKb, long hwmKb, long anonKb, long fileKb) {

        static final Memory NONE = new Memory(0, 0, 0, 0);

        Memory max(Memory other) {
            return other.rssKb > rssKb ? other : this;
        }
    }

    private final Path status;

    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "rss-sampler");
        thread.setDaemon(true);
        return thread;
    });

    private final AtomicReference<Memory> peak = new AtomicReference<>(Memory.NONE);

    MemorySampler(long pid) {
        this.status = Path.of("/proc", Long.toString(pid), "status");
    }

    /** Reads the figures now. */
    Memory now() {
        try {
            String text = Files.readString(status);
            return new Memory(kb(text, "VmRSS"), kb(text, "VmHWM"), kb(text, "RssAnon"),
                    kb(text, "RssFile") + kb(text, "RssShmem"));
        }
        catch (IOException e) {
            // The process has ended: nothing to add to the peak.
            return Memory.NONE;
        }
    }

    /** Samples from now on; {@link #peak()} is the sample with the highest VmRSS. */
    void start() {
        sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(now(), Memory::max), 0, 200, TimeUnit.MILLISECONDS);
    }

    Memory peak() {
        return peak.get();
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }

    private static long kb(String status, String field) {
        Matcher value = Pattern.compile("^" + field + ":\\s+(\\d+) kB", Pattern.MULTILINE).matcher(status);
        return value.find() ? Long.parseLong(value.group(1)) : 0;
    }

}
