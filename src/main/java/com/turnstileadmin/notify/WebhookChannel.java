package com.turnstileadmin.notify;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;

/**
 * A generic webhook, signed per the Standard Webhooks specification with its official
 * Java library: {@code webhook-id} (the event's, the same on every attempt),
 * {@code webhook-timestamp} (the attempt's, in seconds) and {@code webhook-signature}
 * ({@code v1,} and the base64 HMAC-SHA256 of {@code id.timestamp.body}).
 */
final class WebhookChannel implements Channel {

    private final URI url;

    private final Webhook signer;

    private final Clock clock;

    /**
     * @param secret in the {@code whsec_<base64>} form
     */
    WebhookChannel(URI url, String secret, Clock clock) {
        this.url = url;
        this.signer = new Webhook(secret);
        this.clock = clock;
    }

    @Override
    public SendResult send(NotificationEvent event, String json) {
        long timestamp = clock.instant().getEpochSecond();
        String signature;
        try {
            signature = signer.sign(event.id(), timestamp, json);
        }
        catch (WebhookSigningException e) {
            throw new IllegalStateException("Could not sign event " + event.id(), e);
        }
        return HttpPost.json(url, Map.of("webhook-id", event.id(), "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", signature), json);
    }

}
