package com.turnstileadmin.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server that a test starts as a process of its own (Keycloak, the app as its image
 * runs it), its output in a log file, asked whether it is up with the very command its
 * container's healthcheck runs.
 */
public final class ServerProcess implements AutoCloseable {

    private final String name;

    private final Process process;

    private final Path log;

    private ServerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code command} in {@code directory} with only {@code environment} (nothing
     * of the test's own, which may hold a developer's OIDC_* or CLOUDFLARE_* settings).
     */
    static ServerProcess start(String name, List<String> command, Path directory, Map<String, String> environment,
            Path log) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            return new ServerProcess(name, builder.start(), log);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + ": " + command, e);
        }
    }

    /**
     * Runs {@code check} until it succeeds (exit code 0); fails if the server ends or
     * {@code timeout} passes.
     */
    void awaitHealthy(List<String> check, Map<String, String> environment, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (run(check, environment) != 0) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " ended with exit code " + process.exitValue() + ":\n" + logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " was not healthy within " + timeout + ":\n" + logTail());
            }
            sleep(500);
        }
    }

    /** Waits for a command that is not a server to end, and fails unless it succeeded. */
    void awaitEnd(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new AssertionError(name + " did not end within " + timeout + ":\n" + logTail());
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(name + " failed with exit code " + process.exitValue() + ":\n" + logTail());
        }
    }

    /**
     * Runs a command (a healthcheck) with only {@code environment}, at most 5 s as the
     * Dockerfile's does, and returns its exit code.
     */
    static int run(List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Process check = builder.start();
            if (!check.waitFor(5, TimeUnit.SECONDS)) {
                check.destroyForcibly();
                return -1;
            }
            return check.exitValue();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not run " + command, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** The server's output so far. */
    String log() {
        try {
            return Files.readString(log);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String logTail() {
        List<String> lines = log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /**
     * Asks the server and everything it started to stop, and makes them stop after 30 s.
     */
    @Override
    public void close() {
        List<ProcessHandle> all = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
