package com.turnstileadmin.benchmark;

import com.turnstileadmin.benchmark.Recorder.Timings;
import com.turnstileadmin.sandbox.SandboxServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The upstream's latency as a client sees it while the load runs: four times a second,
 * the call the list page makes (25 widgets by name), straight to the sandbox. The sandbox
 * answers after its added latency plus its own work, its HTTP server's and the machine's
 * wake-ups (on an idle machine 52.6 ms at p50 for 50 ms added); the dashboard's share of
 * a page is its time beyond this. The probe's calls are counted, so that they can be told
 * apart from the app's.
 */
final class UpstreamProbe implements AutoCloseable {

    private static final long EVERY_MS = 250;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final HttpRequest list;

    private final Recorder window;

    private final ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "upstream-probe");
        thread.setDaemon(true);
        return thread;
    });

    private final Queue<Long> measured = new ConcurrentLinkedQueue<>();

    private final AtomicLong calls = new AtomicLong();

    private final AtomicLong failures = new AtomicLong();

    /**
     * @param window whose measured window the probe's timings are kept in
     */
    UpstreamProbe(SandboxServer sandbox, Recorder window) {
        this.list = HttpRequest
            .newBuilder(URI.create(sandbox.apiBaseUrl() + "/accounts/" + sandbox.accountId().value()
                    + "/challenges/widgets?page=1&per_page=25&order=name&direction=asc"))
            .header("Authorization", "Bearer " + sandbox.apiToken().token())
            .timeout(Duration.ofSeconds(10))
            .build();
        this.window = window;
    }

    void start() {
        probe.scheduleAtFixedRate(this::call, 0, EVERY_MS, TimeUnit.MILLISECONDS);
    }

    /** Stops probing; {@link #calls()} is final once this returns. */
    @Override
    public void close() throws InterruptedException {
        probe.shutdown();
        probe.awaitTermination(30, TimeUnit.SECONDS);
    }

    Timings timings() {
        return Timings.of(measured);
    }

    /** The calls the probe made, which the sandbox counted with the app's. */
    long calls() {
        return calls.get();
    }

    long failures() {
        return failures.get();
    }

    private void call() {
        long start = System.nanoTime();
        if (!window.running(start)) {
            return;
        }
        calls.incrementAndGet();
        try {
            HttpResponse<Void> answer = http.send(list, HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() != 200) {
                failures.incrementAndGet();
            }
            else if (window.measured(start)) {
                measured.add(System.nanoTime() - start);
            }
        }
        catch (IOException e) {
            failures.incrementAndGet();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
