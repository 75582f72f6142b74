package com.turnstileadmin.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Configuration that cannot work stops the app at start-up, saying which setting. */
class NotificationPropertiesTest {

    private static final String SECRET = WebhookReceiver.SECRET;

    @Test
    void aWebhookNeedsAnHttpUrlAndASigningSecretOfTheSpecificationsForm() {
        assertThatIllegalArgumentException().isThrownBy(() -> of(webhook("ftp://hooks.example.com/x", SECRET)))
            .withMessage("NOTIFICATIONS_WEBHOOKS_0_URL must be an http or https URL");
        assertThatIllegalArgumentException().isThrownBy(() -> of(webhook("https://hooks.example.com/x", "plain")))
            .withMessageStartingWith("NOTIFICATIONS_WEBHOOKS_0_SECRET must be a signing secret of the form whsec_");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> of(webhook("https://hooks.example.com/x", "whsec_c2hvcnQ=")))
            .withMessageContaining("at least 24 bytes");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> of(webhook("https://user:pw@hooks.example.com/x", SECRET)))
            .withMessageContaining("must not hold a user name or password");
    }

    @Test
    void eventTypesAreNamedAsPayloadsNameThem() {
        NotificationProperties.Webhook deletes = new NotificationProperties.Webhook(
                URI.create("https://hooks.example.com/x"), SECRET, List.of("widget.deleted", "Widget.Secret_Rotated"),
                List.of());
        NotificationProperties.Webhook typo = new NotificationProperties.Webhook(
                URI.create("https://hooks.example.com/x"), SECRET, List.of("widget.removed"), List.of());

        assertThat(EventFilter.of(of(deletes).webhooks().get(0).events(), "x"))
            .containsExactlyInAnyOrder(EventType.WIDGET_DELETED, EventType.SECRET_ROTATED);
        assertThatIllegalArgumentException().isThrownBy(() -> of(typo))
            .withMessageStartingWith("NOTIFICATIONS_WEBHOOKS_0_EVENTS names an unknown event type \"widget.removed\"")
            .withMessageContaining("widget.secret_rotated");
    }

    @Test
    void anAllowListLimitsTheHosts() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new NotificationProperties(URI.create("http://localhost:8080"),
                    List.of("hooks.example.com"), Duration.ofSeconds(2), Duration.ofHours(24), Duration.ofDays(30),
                    defaults(), List.of(webhook("https://169.254.169.254/latest", SECRET)), List.of(), List.of(),
                    List.of(), null))
            .withMessage("NOTIFICATIONS_WEBHOOKS_0_URL names the host 169.254.169.254, which is not in"
                    + " NOTIFICATIONS_ALLOWED_HOSTS");
    }

    @Test
    void theSecretIsNeverPrinted() {
        assertThat(webhook("https://hooks.example.com/x", SECRET).toString()).doesNotContain(SECRET.substring(6));
    }

    private static NotificationProperties of(NotificationProperties.Webhook webhook) {
        return new NotificationProperties(URI.create("http://localhost:8080"), List.of(), Duration.ofSeconds(2),
                Duration.ofHours(24), Duration.ofDays(30), defaults(), List.of(webhook), List.of(), List.of(),
                List.of(), null);
    }

    private static NotificationProperties.Retry defaults() {
        return new NotificationProperties.Retry(Duration.ofSeconds(10), Duration.ofMinutes(10));
    }

    private static NotificationProperties.Webhook webhook(String url, String secret) {
        return new NotificationProperties.Webhook(URI.create(url), secret, List.of(), List.of());
    }

}
