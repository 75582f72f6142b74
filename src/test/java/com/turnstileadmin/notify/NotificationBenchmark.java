package com.turnstileadmin.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.audit.Attempt;
import com.turnstileadmin.audit.AuditAction;
import com.turnstileadmin.audit.AuditTrail;
import com.turnstileadmin.security.Role;
import com.turnstileadmin.security.SignedInUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 18's figures, on the app's H2 ({@link NotificationOnPostgresBenchmark}: on
 * PostgreSQL): what the outbox adds to an audit write (the median of 2,000, without and
 * with a destination that wants the event), and how fast one dispatcher, then two at once
 * (as two replicas), deliver 2,000 events to a receiver on this machine that answers at
 * once. Checks that every event arrived exactly once.
 *
 * <p>
 * Run with {@code ./mvnw test -Pbenchmark -Dtest='Notification*Benchmark'}.
 */
@Tag("benchmark")
@SpringBootTest(properties = "logging.level.root=WARN")
class NotificationBenchmark {

    static final WebhookReceiver receiver = new WebhookReceiver();

    private static final int EVENTS = 2000;

    private static final SignedInUser ADMIN = new SignedInUser("local:bench", "Bench", null, Role.ADMIN);

    @DynamicPropertySource
    static void webhook(DynamicPropertyRegistry registry) {
        registry.add("notifications.webhooks[0].url", () -> receiver.url().toString());
        registry.add("notifications.webhooks[0].secret", () -> WebhookReceiver.SECRET);
        // With the rest: a list's items are bound from one source alone.
        registry.add("notifications.webhooks[0].events", () -> "widget.secret_revealed");
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Autowired
    private AuditTrail trail;

    @Autowired
    private NotificationDispatcher dispatcher;

    @Autowired
    private CloudflareAccounts accounts;

    @Test
    void theOutboxsCostPerWriteAndTheDispatchersThroughput() throws Exception {
        String database = getClass().getSimpleName().contains("Postgres") ? "PostgreSQL" : "H2";
        // Warm up both paths; the webhook wants only revealed secrets.
        writes(AuditAction.UPDATE, 500, "warm");
        writes(AuditAction.REVEAL_SECRET, 500, "warm");
        dispatcher.dispatchDue();

        long without = median(writes(AuditAction.UPDATE, EVENTS, "plain"));
        long with = median(writes(AuditAction.REVEAL_SECRET, EVENTS, "one"));
        long started = System.nanoTime();
        int sentByOne = dispatcher.dispatchDue();
        double oneSeconds = (System.nanoTime() - started) / 1e9;

        writes(AuditAction.REVEAL_SECRET, EVENTS, "two");
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        started = System.nanoTime();
        List<Future<Integer>> sent = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            sent.add(replicas.submit(dispatcher::dispatchDue));
        }
        int sentByTwo = sent.get(0).get() + sent.get(1).get();
        double twoSeconds = (System.nanoTime() - started) / 1e9;
        replicas.shutdown();

        System.out.printf(Locale.ROOT, "%n=== Notifications (%s, a webhook on this machine) ===%n", database);
        System.out.printf(Locale.ROOT, "an audit write, median of %d: %.2f ms with no event, %.2f ms with one%n",
                EVENTS, without / 1e6, with / 1e6);
        System.out.printf(Locale.ROOT, "one dispatcher: %d events in %.2f s, %.0f per second%n", sentByOne, oneSeconds,
                sentByOne / oneSeconds);
        System.out.printf(Locale.ROOT, "two dispatchers at once: %d events in %.2f s, %.0f per second%n", sentByTwo,
                twoSeconds, sentByTwo / twoSeconds);

        assertThat(sentByOne).isEqualTo(EVENTS);
        assertThat(sentByTwo).isEqualTo(EVENTS);
        assertThat(receiver.about("Bench one")).hasSize(EVENTS);
        assertThat(receiver.about("Bench two")).extracting(WebhookReceiver.Received::id)
            .hasSize(EVENTS)
            .doesNotHaveDuplicates();
    }

    /** The time of each write, in nanoseconds. */
    private long[] writes(AuditAction action, int count, String marker) {
        long[] took = new long[count];
        for (int i = 0; i < count; i++) {
            // A widget each, as events of one widget wait for each other.
            Attempt attempt = Attempt.of(ADMIN, accounts.first().id(), action, "0x4AAAAAAA" + marker + i,
                    "Bench " + marker + " " + i);
            long started = System.nanoTime();
            trail.succeeded(attempt);
            took[i] = System.nanoTime() - started;
        }
        return took;
    }

    private static long median(long[] took) {
        long[] sorted = took.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

}
