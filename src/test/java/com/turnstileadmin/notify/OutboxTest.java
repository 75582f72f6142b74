package com.turnstileadmin.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.time.ClockConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

    private static NotificationEvent event(String sitekey) {
        return new NotificationEvent("evt_" + java.util.UUID.randomUUID().toString().replace("-", ""),
                EventType.WIDGET_UPDATED, Instant.now(), new NotificationEvent.Account(ACCOUNT, "Acme"),
                new NotificationEvent.WidgetRef("w", "0x4AAAAAAA" + sitekey, "https://a.example.com/"), null, null,
                List.of(), null, null);
    }

}
