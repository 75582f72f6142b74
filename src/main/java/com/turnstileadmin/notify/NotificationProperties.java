package com.turnstileadmin.notify;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where notifications go, from configuration (README "Notifications"), e.g.
 * {@code NOTIFICATIONS_WEBHOOKS_0_URL} and {@code NOTIFICATIONS_WEBHOOKS_0_SECRET}.
 *
 * @param dashboardUrl this dashboard's address as its users reach it, for the links to a
 * widget's page in each event; default {@code http://localhost:8080}
 * @param allowedHosts if set, the only hosts a destination may name (an allow-list
 * against URLs that point inside the network); default any
 * @param pollInterval how often each replica looks for deliveries due; default 2 s
 * @param giveUpAfter how long a refused delivery is retried before it is failed; default
 * 24 h
 * @param retention how long delivered and failed deliveries stay in the delivery log;
 * default 30 days (pending ones stay until they are done)
 * @param retry the waits between attempts
 * @param webhooks generic webhooks, signed per the Standard Webhooks specification
 * @param slack Slack incoming webhooks
 * @param teams Microsoft Teams incoming webhooks (Workflows or a connector)
 * @param email e-mail destinations, sent through the SMTP server of {@code spring.mail.*}
 * @param mailFrom the address e-mail notifications are sent from; required with an e-mail
 * destination
 */
@ConfigurationProperties("notifications")
public record NotificationProperties(@DefaultValue("http://localhost:8080") URI dashboardUrl,
        @DefaultValue List<String> allowedHosts, @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("24h") Duration giveUpAfter, @DefaultValue("30d") Duration retention, @DefaultValue Retry retry,
        @DefaultValue List<Webhook> webhooks, @DefaultValue List<IncomingWebhook> slack,
        @DefaultValue List<IncomingWebhook> teams, @DefaultValue List<Email> email, @Nullable String mailFrom) {

    /** The Standard Webhooks form of a signing secret: {@code whsec_} and base64. */
    static final String SECRET_PREFIX = "whsec_";

    public NotificationProperties {
        allowedHosts = allowedHosts.stream().map(host -> host.trim().toLowerCase(Locale.ROOT)).toList();
        webhooks = List.copyOf(webhooks);
        if (Stream.of(pollInterval, giveUpAfter, retention).anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("notifications.poll-interval, notifications.give-up-after and"
                    + " notifications.retention must be positive durations");
        }
        for (int i = 0; i < webhooks.size(); i++) {
            Webhook webhook = webhooks.get(i);
            String setting = "NOTIFICATIONS_WEBHOOKS_" + i + "_";
            DestinationUrls.check(webhook.url(), allowedHosts, setting + "URL");
            requireSecret(webhook.secret(), setting + "SECRET");
            EventFilter.of(webhook.events(), setting + "EVENTS");
            EventFilter.accounts(webhook.accounts(), setting + "ACCOUNTS");
        }
        slack = List.copyOf(slack);
        teams = List.copyOf(teams);
        email = List.copyOf(email);
        check(slack, "SLACK", allowedHosts);
        check(teams, "TEAMS", allowedHosts);
        for (int i = 0; i < email.size(); i++) {
            String setting = "NOTIFICATIONS_EMAIL_" + i + "_";
            MailAddresses.recipients(email.get(i).to(), setting + "TO");
            EventFilter.of(email.get(i).events(), setting + "EVENTS");
            EventFilter.accounts(email.get(i).accounts(), setting + "ACCOUNTS");
        }
        mailFrom = mailFrom == null || mailFrom.isBlank() ? null : mailFrom.trim();
        if (!email.isEmpty()) {
            MailAddresses.sender(mailFrom, "NOTIFICATIONS_MAIL_FROM");
        }
    }

    private static void check(List<IncomingWebhook> webhooks, String list, List<String> allowedHosts) {
        for (int i = 0; i < webhooks.size(); i++) {
            String setting = "NOTIFICATIONS_" + list + "_" + i + "_";
            DestinationUrls.check(webhooks.get(i).url(), allowedHosts, setting + "URL");
            EventFilter.of(webhooks.get(i).events(), setting + "EVENTS");
            EventFilter.accounts(webhooks.get(i).accounts(), setting + "ACCOUNTS");
        }
    }

    /**
     * How long to wait after a refused attempt: {@code first} after the first, doubling
     * to at most {@code longest}, with jitter ({@link Backoff}).
     *
     * @param first default 10 s
     * @param longest default 10 minutes, so that a receiver back after an outage has
     * every event within that
     */
    public record Retry(@DefaultValue("10s") Duration first, @DefaultValue("10m") Duration longest) {

        public Retry {
            if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
                throw new IllegalArgumentException(
                        "notifications.retry.first must be positive and notifications.retry.longest no shorter");
            }
        }

    }

    /**
     * @param secret the signing secret in the Standard Webhooks form,
     * {@code whsec_<base64>} (at least 24 bytes; {@code openssl rand -base64 32})
     * @param events the event types it receives ({@code widget.deleted}, ...); default
     * all
     * @param accounts the accounts whose events it receives; default all
     */
    public record Webhook(@Nullable URI url, @Nullable String secret, @DefaultValue List<String> events,
            @DefaultValue List<String> accounts) {

        @Override
        public String toString() {
            return "Webhook[url=" + (url == null ? null : DestinationUrls.shown(url)) + ", secret=redacted, events="
                    + events + ", accounts=" + accounts + "]";
        }

    }

    /**
     * A Slack or Teams incoming webhook. Its URL is its secret (whoever has it can post
     * to the channel): it is never shown, logged or printed, only its host.
     *
     * @param events the event types it receives; default all
     * @param accounts the accounts whose events it receives; default all
     */
    public record IncomingWebhook(@Nullable URI url, @DefaultValue List<String> events,
            @DefaultValue List<String> accounts) {

        @Override
        public String toString() {
            return "IncomingWebhook[url=" + (url == null ? null : url.getHost() + "/(redacted)") + ", events=" + events
                    + ", accounts=" + accounts + "]";
        }

    }

    /**
     * @param to the addresses it is sent to (comma-separated in one variable)
     * @param events the event types it receives; default all
     * @param accounts the accounts whose events it receives; default all
     */
    public record Email(@DefaultValue List<String> to, @DefaultValue List<String> events,
            @DefaultValue List<String> accounts) {

    }

    private static void requireSecret(@Nullable String secret, String setting) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException(
                    setting + " must be a signing secret of the form whsec_<base64> (e.g. whsec_ and the output of"
                            + " openssl rand -base64 32)");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        }
        catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException(setting + " must be whsec_ followed by base64");
        }
        if (key.length < 24) {
            throw new IllegalArgumentException(setting + " must hold at least 24 bytes (32 characters of base64)");
        }
    }

}
