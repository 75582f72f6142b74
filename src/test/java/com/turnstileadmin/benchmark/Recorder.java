package com.turnstileadmin.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the users saw: every answer counted, the time of those that started inside the
 * measured window kept, and every error, which is counted and never timed as a success.
 */
final class Recorder {

    private static final int ERRORS_SHOWN = 10;

    // Set once by startLoad, before the users' threads start (which publishes them to
    // those threads).
    private long measureFrom;

    private long measureUntil;

    private final Map<PageKind, Queue<Long>> measured = new EnumMap<>(PageKind.class);

    private final Map<PageKind, LongAdder> answered = new EnumMap<>(PageKind.class);

    private final Map<PageKind, LongAdder> notices = new EnumMap<>(PageKind.class);

    private final AtomicLong errors = new AtomicLong();

    private final Queue<String> firstErrors = new ConcurrentLinkedQueue<>();

    Recorder() {
        for (PageKind kind : PageKind.values()) {
            measured.put(kind, new ConcurrentLinkedQueue<>());
            answered.put(kind, new LongAdder());
            notices.put(kind, new LongAdder());
        }
    }

    /** Starts the clock: the warm-up from now, then the measured window. */
    void startLoad(Duration warmUp, Duration duration) {
        measureFrom = System.nanoTime() + warmUp.toNanos();
        measureUntil = measureFrom + duration.toNanos();
    }

    /** Whether the load is still on at {@code nanoTime}. */
    boolean running(long nanoTime) {
        return nanoTime < measureUntil;
    }

    long until() {
        return measureUntil;
    }

    void success(PageKind kind, long startNanos, long tookNanos) {
        answered.get(kind).increment();
        if (measured(startNanos)) {
            measured.get(kind).add(tookNanos);
        }
    }

    /** Whether a request that started at {@code startNanos} is in the measured window. */
    boolean measured(long startNanos) {
        return startNanos >= measureFrom && startNanos < measureUntil;
    }

    void failure(PageKind kind, String what) {
        answered.get(kind).increment();
        if (errors.incrementAndGet() <= ERRORS_SHOWN) {
            firstErrors.add(kind.label() + ": " + what);
        }
    }

    /**
     * An answer (already counted a success) that said why it has no figures, as analytics
     * do when their budget is spent.
     */
    void notice(PageKind kind) {
        notices.get(kind).increment();
    }

    /** Answers of this kind that said why they have no figures, over the whole run. */
    long notices(PageKind kind) {
        return notices.get(kind).sum();
    }

    /** Requests of this kind answered or failed over the whole run, warm-up included. */
    long requests(PageKind kind) {
        return answered.get(kind).sum();
    }

    /**
     * Page views over the whole run, warm-up included: what the Cloudflare calls are
     * divided by.
     */
    long pageViews() {
        return answered.entrySet().stream().filter(e -> e.getKey().pageView()).mapToLong(e -> e.getValue().sum()).sum();
    }

    long errors() {
        return errors.get();
    }

    List<String> firstErrors() {
        return List.copyOf(firstErrors);
    }

    /** Timings of the answers of one kind that started in the measured window. */
    Timings timings(PageKind kind) {
        return Timings.of(measured.get(kind));
    }

    /** Answers of every kind in the measured window. */
    long measuredRequests() {
        return measured.values().stream().mapToLong(Queue::size).sum();
    }

    /** Milliseconds; a percentile is the nearest rank. */
    record Timings(int count, double p50, double p95, double p99, double max) {

        static Timings of(Collection<Long> durationsInNanos) {
            List<Long> nanos = new ArrayList<>(durationsInNanos);
            Collections.sort(nanos);
            return new Timings(nanos.size(), percentile(nanos, 50), percentile(nanos, 95), percentile(nanos, 99),
                    nanos.isEmpty() ? 0 : ms(nanos.get(nanos.size() - 1)));
        }

        private static double percentile(List<Long> sorted, int percent) {
            if (sorted.isEmpty()) {
                return 0;
            }
            int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
            return ms(sorted.get(Math.max(0, rank - 1)));
        }

        private static double ms(long nanos) {
            return nanos / 1_000_000.0;
        }
    }

}
