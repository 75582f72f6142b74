package com.turnstileadmin.notify;

import static com.turnstileadmin.notify.WebhookReceiver.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.TurnstileAdminApplication;
import com.turnstileadmin.audit.LocalPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox on one PostgreSQL ({@link LocalPostgres}, in a schema of each test's) with
 * whole apps as replicas: events written by an app stopped before it sent them are sent
 * by the next one to start; two replicas dispatching at once send each event once, and a
 * widget's events in order.
 */
@EnabledIf(value = "com.turnstileadmin.audit.LocalPostgres#reachable",
        disabledReason = "No PostgreSQL answers at 127.0.0.1:5432 (see LocalPostgres)")
class OutboxOnPostgresTest {

    private static final String ACCOUNT = "5a4db0c5e1f24d7e9b3c0a6f8d2e1b47";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookReceiver receiver = new WebhookReceiver();

    private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

    private String schema;

    @BeforeEach
    void freshSchema() {
        schema = LocalPostgres.createSchema();
    }

    @AfterEach
    void stopEverything() {
        replicas.forEach(ConfigurableApplicationContext::close);
        receiver.close();
        LocalPostgres.dropSchema(schema);
    }

    @Test
    void eventsWrittenByAnAppStoppedBeforeSendingThemAreSentByTheNext() throws Exception {
        ConfigurableApplicationContext first = replica(false);
        List<String> ids = publish(first, "restart", 10, 2);
        first.close();
        assertThat(receiver.about("restart")).as("nothing sent before the stop").isEmpty();

        replica(true);

        await("every event after the restart", Duration.ofSeconds(20),
                () -> receiver.about("restart").size() >= ids.size());
        assertThat(receiver.about("restart")).extracting(WebhookReceiver.Received::id)
            .containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void twoReplicasDispatchingAtOnceSendEachEventOnceAndAWidgetsInOrder() throws Exception {
        ConfigurableApplicationContext a = replica(true);
        ConfigurableApplicationContext b = replica(true);
        // A slow receiver, so that both replicas are sending at the same time.
        receiver.answer(body -> {
            sleep(20);
            return new WebhookReceiver.Answer(204, null);
        });

        List<String> ids = new ArrayList<>(publish(a, "replicas", 60, 6));
        ids.addAll(publish(b, "replicas", 60, 6));

        await("every event", Duration.ofSeconds(30), () -> receiver.about("replicas").size() >= ids.size());
        Thread.sleep(1000);
        List<WebhookReceiver.Received> received = receiver.about("replicas");
        assertThat(received).extracting(WebhookReceiver.Received::id).containsExactlyInAnyOrderElementsOf(ids);
        Map<String, List<String>> byWidget = received.stream()
            .collect(Collectors.groupingBy(request -> sitekey(request.body()), java.util.LinkedHashMap::new,
                    Collectors.mapping(request -> request.id(), Collectors.toList())));
        Function<String, Integer> order = ids::indexOf;
        byWidget.values().forEach(sent -> {
            // Each replica's events of a widget were published in id order.
            List<String> ofA = sent.stream().filter(id -> order.apply(id) < 60).toList();
            List<String> ofB = sent.stream().filter(id -> order.apply(id) >= 60).toList();
            assertThat(ofA).isSortedAccordingTo((x, y) -> order.apply(x) - order.apply(y));
            assertThat(ofB).isSortedAccordingTo((x, y) -> order.apply(x) - order.apply(y));
        });
        assertThat(counts(a)).containsEntry(Outbox.DELIVERED, ids.size()).doesNotContainKey(Outbox.PENDING);
        assertThat(attempts(a)).as("sent by a").isPositive();
        assertThat(attempts(b)).as("sent by b").isPositive();
        assertThat(attempts(a) + attempts(b)).isEqualTo(ids.size());

        // The log's retention (1 ms here) run by both at once: done once, the lock held.
        CompletableFuture<Void> byA = CompletableFuture
            .runAsync(() -> a.getBean(NotificationConfiguration.Dispatching.class).forgetOldDeliveries());
        b.getBean(NotificationConfiguration.Dispatching.class).forgetOldDeliveries();
        byA.get(10, TimeUnit.SECONDS);
        assertThat(counts(a)).isEmpty();
        assertThat(a.getBean(JdbcTemplate.class)
            .queryForObject("SELECT COUNT(*) FROM shedlock WHERE name = 'notifications-retention'"
                    + " AND lock_until > CURRENT_TIMESTAMP + INTERVAL '40 minutes'", Integer.class))
            .as("the lock held for most of the hour")
            .isEqualTo(1);
    }

    private static double attempts(ConfigurableApplicationContext app) {
        return app.getBean(MeterRegistry.class)
            .find("turnstile.notifications.attempts")
            .counters()
            .stream()
            .mapToDouble(counter -> counter.count())
            .sum();
    }

    /**
     * {@code count} events about {@code widgets} widgets, each in a transaction of its
     * own as an audit entry's would be; their ids in order.
     */
    private static List<String> publish(ConfigurableApplicationContext app, String marker, int count, int widgets) {
        Notifications notifications = app.getBean(Notifications.class);
        TransactionTemplate transactions = app.getBean(TransactionTemplate.class);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "evt_" + UUID.randomUUID().toString().replace("-", "");
            String sitekey = "0x4AAAAAAA" + marker + (i % widgets);
            NotificationEvent event = new NotificationEvent(id, EventType.WIDGET_UPDATED, Instant.now(),
                    new NotificationEvent.Account(ACCOUNT, "Acme"),
                    new NotificationEvent.WidgetRef(marker + " widget " + (i % widgets), sitekey,
                            "https://turnstile-admin.example.com/"),
                    new NotificationEvent.Actor("Outbox test", "user", null), null,
                    List.of(new NotificationEvent.Change("Name", "v" + i, "v" + (i + 1))), null, null);
            transactions.executeWithoutResult(status -> notifications.publish(event));
            ids.add(id);
        }
        return ids;
    }

    private ConfigurableApplicationContext replica(boolean dispatching) {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(TurnstileAdminApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + LocalPostgres.urlOf(schema),
                "--spring.datasource.username=" + LocalPostgres.USER, "--spring.datasource.password=",
                "--local-sign-in.enabled=true", "--local-sign-in.admin-password=outbox-admin-password",
                "--reconciler.enabled=false", "--notifications.dispatcher.enabled=" + dispatching,
                "--notifications.poll-interval=100ms", "--notifications.retention=1ms",
                "--notifications.webhooks[0].url=" + receiver.url(),
                "--notifications.webhooks[0].secret=" + WebhookReceiver.SECRET);
        replicas.add(app);
        return app;
    }

    private static Map<String, Integer> counts(ConfigurableApplicationContext app) {
        return app.getBean(Outbox.class).counts();
    }

    private static String sitekey(String body) {
        return JSON.readTree(body).path("data").path("widget").path("sitekey").asString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
