package com.turnstileadmin.notify;

import static com.turnstileadmin.notify.WebhookReceiver.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.security.Role;
import com.turnstileadmin.security.SignedInUser;
import com.turnstileadmin.widget.Widget;
import com.turnstileadmin.widget.WidgetMode;
import com.turnstileadmin.widget.WidgetService;
import com.turnstileadmin.widget.WidgetSettings;
import com.turnstileadmin.widget.WidgetWithSecret;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's changes reach a webhook over HTTP, signed by the Standard Webhooks
 * specification (checked by the receiver's own implementation), with what happened and
 * never a secret; a receiver that refuses is retried with the same id, as long as it
 * asks, in order per widget, and given up on after the give-up time (here 4 s, the waits
 * from 50 to 200 ms).
 */
@SpringBootTest(properties = { "notifications.dispatcher.enabled=true", "notifications.poll-interval=100ms",
        "notifications.retry.first=50ms", "notifications.retry.longest=200ms", "notifications.give-up-after=4s",
        "notifications.dashboard-url=https://turnstile-admin.example.com/" })
class NotificationDeliveryTest {

    private static final WebhookReceiver receiver = new WebhookReceiver();

    private static final SignedInUser ADMIN = new SignedInUser("local:notify-admin", "Notify Admin", null, Role.ADMIN);

    private static final AtomicInteger MADE = new AtomicInteger();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void webhook(DynamicPropertyRegistry registry) {
        registry.add("notifications.webhooks[0].url", () -> receiver.url().toString());
        registry.add("notifications.webhooks[0].secret", () -> WebhookReceiver.SECRET);
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Autowired
    private WidgetService widgets;

    @Autowired
    private CloudflareAccounts accounts;

    @Autowired
    private JdbcTemplate jdbc;

    private AccountId account;

    @BeforeEach
    void signInAndAcceptEverything() {
        SecurityContextHolder.getContext()
            .setAuthentication(new TestingAuthenticationToken(ADMIN, null, Role.ADMIN.authorities()));
        account = accounts.first().id();
        receiver.answer(body -> new WebhookReceiver.Answer(204, null));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void eachChangeArrivesSignedWithWhatChangedWhoAndALinkButNeverTheSecret() throws Exception {
        String name = name("Signed");
        WidgetWithSecret created = widgets.create(ADMIN, account, settings(name)).result();
        Widget widget = created.widget();
        widgets.update(ADMIN, account, widget.sitekey(), widget.settings(),
                widget.settings().withMode(WidgetMode.INVISIBLE), widget.modifiedOn());
        WidgetWithSecret rotated = widgets.rotateSecret(ADMIN, account, widget.sitekey(), true).result();

        await("three events", Duration.ofSeconds(10), () -> receiver.about(name).size() == 3);

        List<WebhookReceiver.Received> received = receiver.about(name);
        assertThat(received).allSatisfy(request -> {
            assertThat(request.signedWith(WebhookReceiver.SECRET)).as("signature of %s", request.id()).isTrue();
            assertThat(request.contentType()).isEqualTo("application/json");
            assertThat(request.body()).doesNotContain(created.secret().value(), rotated.secret().value());
        });
        assertThat(received).extracting(request -> JSON.readTree(request.body()).path("type").asString())
            .containsExactly("widget.created", "widget.updated", "widget.secret_rotated");
        assertThat(received).extracting(WebhookReceiver.Received::id).doesNotHaveDuplicates();
        JsonNode update = JSON.readTree(received.get(1).body());
        assertThat(update.path("data").path("id").asString()).isEqualTo(received.get(1).id());
        assertThat(update.path("data").path("widget").path("sitekey").asString()).isEqualTo(widget.sitekey().value());
        assertThat(update.path("data").path("widget").path("url").asString())
            .isEqualTo("https://turnstile-admin.example.com/accounts/" + account.value() + "/widgets/"
                    + widget.sitekey().value());
        assertThat(update.path("data").path("actor").path("name").asString()).isEqualTo("Notify Admin");
        assertThat(update.path("data").path("actor").path("kind").asString()).isEqualTo("user");
        assertThat(update.path("data").path("account").path("id").asString()).isEqualTo(account.value());
        JsonNode change = update.path("data").path("changes").get(0);
        assertThat(change.path("field").asString()).isEqualTo("Mode");
        assertThat(change.path("before").asString()).isNotBlank();
        assertThat(change.path("after").asString()).isNotBlank().isNotEqualTo(change.path("before").asString());
        assertThat(JSON.readTree(received.get(2).body()).path("data").path("invalidate_immediately").asBoolean())
            .isTrue();
    }

    @Test
    void aReceiverThatFailsFiveTimesThenAcceptsGetsTheEventOnceAcceptedWithTheSameId() throws Exception {
        String name = name("Flaky");
        AtomicInteger refusals = new AtomicInteger();
        receiver.answer(body -> body.contains(name) && refusals.getAndIncrement() < 5
                ? new WebhookReceiver.Answer(500, null) : new WebhookReceiver.Answer(204, null));

        widgets.create(ADMIN, account, settings(name));

        await("delivered after five refusals", Duration.ofSeconds(10),
                () -> receiver.about(name).stream().anyMatch(request -> request.answered() == 204));
        List<WebhookReceiver.Received> attempts = receiver.about(name);
        assertThat(attempts).hasSize(6);
        assertThat(attempts).extracting(WebhookReceiver.Received::id).containsOnly(attempts.get(0).id());
        assertThat(attempts).allSatisfy(request -> assertThat(request.signedWith(WebhookReceiver.SECRET)).isTrue());
        assertThat(delivery(attempts.get(0).id())).containsEntry("STATUS", "DELIVERED").containsEntry("ATTEMPTS", 6);
    }

    @Test
    void aReceiverThatAsksToWaitIsLeftAloneThatLong() throws Exception {
        String name = name("Busy");
        AtomicInteger asked = new AtomicInteger();
        receiver.answer(body -> body.contains(name) && asked.getAndIncrement() == 0
                ? new WebhookReceiver.Answer(429, "1") : new WebhookReceiver.Answer(204, null));

        widgets.create(ADMIN, account, settings(name));

        await("delivered after waiting", Duration.ofSeconds(10), () -> receiver.about(name).size() == 2);
        List<WebhookReceiver.Received> attempts = receiver.about(name);
        // Without Retry-After the wait would be 25 to 50 ms.
        assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at())).isGreaterThan(Duration.ofMillis(900));
    }

    @Test
    void aWidgetsEventsArriveInTheOrderTheyHappenedAfterAnOutage() throws Exception {
        String name = name("Outage");
        long back = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        receiver.answer(body -> body.contains(name) && System.nanoTime() < back ? new WebhookReceiver.Answer(503, null)
                : new WebhookReceiver.Answer(204, null));

        Widget widget = widgets.create(ADMIN, account, settings(name)).result().widget();
        Widget renamed = widgets
            .update(ADMIN, account, widget.sitekey(), widget.settings(), widget.settings().withName(name + " 2"),
                    widget.modifiedOn())
            .result();
        widgets.update(ADMIN, account, widget.sitekey(), renamed.settings(),
                renamed.settings().withMode(WidgetMode.NON_INTERACTIVE), renamed.modifiedOn());
        widgets.delete(ADMIN, account, widget.sitekey());

        await("four delivered", Duration.ofSeconds(10),
                () -> receiver.about(name).stream().filter(request -> request.answered() == 204).count() == 4);
        assertThat(receiver.about(name).stream().filter(request -> request.answered() == 204))
            .extracting(request -> JSON.readTree(request.body()).path("type").asString()
                    + JSON.readTree(request.body()).path("data").path("changes").size())
            .containsExactly(
                    "widget.created"
                            + JSON.readTree(receiver.about(name).get(0).body()).path("data").path("changes").size(),
                    "widget.updated1", "widget.updated1", "widget.deleted0");
    }

    @Test
    void aDeliveryRefusedPastTheGiveUpTimeIsFailed() throws Exception {
        String name = name("Refused");
        receiver.answer(body -> body.contains(name) ? new WebhookReceiver.Answer(500, null)
                : new WebhookReceiver.Answer(204, null));

        widgets.create(ADMIN, account, settings(name));

        await("an attempt", Duration.ofSeconds(5), () -> !receiver.about(name).isEmpty());
        String id = receiver.about(name).get(0).id();
        await("given up", Duration.ofSeconds(10), () -> "FAILED".equals(delivery(id).get("STATUS")));
        assertThat(delivery(id)).containsEntry("LAST_STATUS", 500);
        assertThat((Integer) delivery(id).get("ATTEMPTS")).isGreaterThan(5);
    }

    @Test
    void aReceiverThatIsGoneFailsTheDeliveryAtOnce() throws Exception {
        String name = name("Gone");
        receiver.answer(body -> body.contains(name) ? new WebhookReceiver.Answer(410, null)
                : new WebhookReceiver.Answer(204, null));

        widgets.create(ADMIN, account, settings(name));

        await("an attempt", Duration.ofSeconds(5), () -> !receiver.about(name).isEmpty());
        String id = receiver.about(name).get(0).id();
        await("failed", Duration.ofSeconds(5), () -> "FAILED".equals(delivery(id).get("STATUS")));
        Thread.sleep(500);
        assertThat(delivery(id)).containsEntry("ATTEMPTS", 1).containsEntry("LAST_STATUS", 410);
        assertThat(receiver.about(name)).hasSize(1);
    }

    private java.util.Map<String, Object> delivery(String eventId) {
        return jdbc
            .queryForList("SELECT status, attempts, last_status FROM notification_delivery WHERE event_id = ?", eventId)
            .stream()
            .findFirst()
            .map(row -> {
                java.util.Map<String, Object> upper = new java.util.HashMap<>();
                row.forEach((key, value) -> upper.put(key.toUpperCase(java.util.Locale.ROOT), value));
                return upper;
            })
            .orElse(java.util.Map.of());
    }

    private static String name(String purpose) {
        return "Notify " + purpose + " " + MADE.incrementAndGet();
    }

    private static WidgetSettings settings(String name) {
        return WidgetSettings.of(name, List.of("notify.example.com"), WidgetMode.MANAGED);
    }

}
