package com.turnstileadmin.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a receiver's answer is taken to mean. */
class HttpPostTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        assertThat(HttpPost.retryAfter("120", NOW)).isEqualTo(Duration.ofMinutes(2));
        assertThat(HttpPost.retryAfter("Mon, 07 Dec 2026 10:05:00 GMT", NOW)).isEqualTo(Duration.ofMinutes(5));
        assertThat(HttpPost.retryAfter("Mon, 07 Dec 2026 09:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
        assertThat(HttpPost.retryAfter("soon", NOW)).isNull();
        assertThat(HttpPost.retryAfter(null, NOW)).isNull();
    }

    @Test
    void aReceiverOutOfReachIsAnAnswerNotAnException() {
        try (WebhookReceiver stopped = new WebhookReceiver()) {
            URI url = stopped.url();
            stopped.close();

            SendResult result = HttpPost.json(url, Map.of(), "{}");

            assertThat(result.delivered()).isFalse();
            assertThat(result.status()).isNull();
            assertThat(result.excerpt()).contains("ConnectException");
        }
    }

    @Test
    void aRedirectIsNotFollowed() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(body -> new WebhookReceiver.Answer(302, null));

            SendResult result = HttpPost.json(receiver.url(), Map.of(), "{\"redirect\": true}");

            assertThat(result.delivered()).isFalse();
            assertThat(result.status()).isEqualTo(302);
            assertThat(receiver.about("redirect")).hasSize(1);
        }
    }

}
