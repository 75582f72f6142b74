package com.turnstileadmin.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.time.ClockConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox's claims on the default database: each delivery is claimed once until its
 * attempt is recorded, only the oldest pending one of a widget, and again once due.
 */
@DataJdbcTest
@Import({ Outbox.class, ClockConfiguration.class })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class OutboxTest {

    private static final String ACCOUNT = "5a4db0c5e1f24d7e9b3c0a6f8d2e1b47";

    @Autowired
    private Outbox outbox;

    @Test
    void everyDeliveryIsClaimedOnceAndAWidgetsOnlyInTurn() {
        Instant now = Instant.now();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            NotificationEvent event = event("claims" + (i % 100));
            outbox.add(event, EventJson.write(event), List.of("webhooks[0]"), now);
            ids.add(event.id());
        }

        Set<Long> claimed = new HashSet<>();
        int claims = 0;
        List<Outbox.Claimed> batch;
        while (!(batch = outbox.claim(Instant.now(), Instant.now().plus(Duration.ofMinutes(2)), 20)).isEmpty()) {
            assertThat(batch).hasSizeLessThanOrEqualTo(20);
            for (Outbox.Claimed delivery : batch) {
                assertThat(claimed.add(delivery.id())).as("delivery %d claimed once", delivery.id()).isTrue();
                outbox.attempted(delivery, SendResult.delivered(204, ""), Instant.now(), null);
            }
            claims++;
        }

        assertThat(claimed).hasSize(500);
        // 100 widgets of 5 events each: a widget's next only after its last was sent.
        assertThat(claims).isGreaterThanOrEqualTo(25);
        assertThat(outbox.counts()).containsEntry(Outbox.DELIVERED, 500).doesNotContainKey(Outbox.PENDING);
    }

    @Test
    void theLogForgetsWhatIsDoneWithAfterItsRetentionAndKeepsWhatIsPending() {
        Instant old = Instant.now().minus(Duration.ofDays(40));
        NotificationEvent delivered = event("retention-delivered");
        NotificationEvent failed = event("retention-failed");
        NotificationEvent pending = event("retention-pending");
        NotificationEvent recent = event("retention-recent");
        for (NotificationEvent event : List.of(delivered, failed, pending)) {
            outbox.add(event, EventJson.write(event), List.of("webhooks[0]"), old);
        }
        outbox.add(recent, EventJson.write(recent), List.of("webhooks[0]"), Instant.now());
        for (Outbox.Claimed claimed : outbox.claim(Instant.now(), Instant.now().plus(Duration.ofMinutes(2)), 10)) {
            if (claimed.payload().contains("retention-delivered")) {
                outbox.attempted(claimed, SendResult.delivered(204, ""), old, null);
            }
            else if (claimed.payload().contains("retention-failed")) {
                outbox.attempted(claimed, SendResult.refused(500, null, "down"), old, null);
            }
            else if (claimed.payload().contains("retention-recent")) {
                outbox.attempted(claimed, SendResult.delivered(204, ""), Instant.now(), null);
            }
        }
        Map<String, Integer> before = outbox.counts();

        assertThat(outbox.forget(Instant.now().minus(Duration.ofDays(30)))).isEqualTo(2);

        assertThat(outbox.counts()).containsEntry(Outbox.DELIVERED, before.get(Outbox.DELIVERED) - 1)
            .containsEntry(Outbox.PENDING, before.get(Outbox.PENDING));
        assertThat(outbox.counts().getOrDefault(Outbox.FAILED, 0)).isEqualTo(before.get(Outbox.FAILED) - 1);
        assertThat(outbox.latest("webhooks[0]", 1000)).extracting(Outbox.Delivery::eventId)
            .contains(pending.id(), recent.id())
            .doesNotContain(delivered.id(), failed.id());
        assertThat(outbox.forget(Instant.now().minus(Duration.ofDays(30)))).isZero();

        // Leaves nothing for the other test's counts (the pending one's lease ended).
        Instant later = Instant.now().plus(Duration.ofMinutes(3));
        outbox.claim(later, later.plus(Duration.ofMinutes(2)), 10)
            .forEach(claimed -> outbox.attempted(claimed, SendResult.delivered(204, ""), Instant.now(), null));
        outbox.forget(Instant.now().plus(Duration.ofDays(1)));
        assertThat(outbox.counts()).isEmpty();
    }

    private static NotificationEvent event(String sitekey) {
        return new NotificationEvent("evt_" + java.util.UUID.randomUUID().toString().replace("-", ""),
                EventType.WIDGET_UPDATED, Instant.now(), new NotificationEvent.Account(ACCOUNT, "Acme"),
                new NotificationEvent.WidgetRef("w", "0x4AAAAAAA" + sitekey, "https://a.example.com/"), null, null,
                List.of(), null, null);
    }

}
