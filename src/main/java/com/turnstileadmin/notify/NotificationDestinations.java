package com.turnstileadmin.notify;

import com.turnstileadmin.account.InvalidSettingException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Every destination notifications go to: from configuration, each named by its list and
 * index ({@code webhooks[0]}, {@code slack[0]}, {@code teams[0]}, {@code email[0]}),
 * which its deliveries in the outbox keep. A Slack or Teams destination shows its host
 * alone: the rest of its URL is the secret that lets anyone post to the channel.
 */
public class NotificationDestinations {

    private final Map<String, Destination> byId = new LinkedHashMap<>();

    /**
     * @param mail the SMTP server of {@code spring.mail.*}; {@code null} when none is
     * configured, which only e-mail destinations need
     * @throws InvalidSettingException for an e-mail destination without a mail server
     */
    NotificationDestinations(NotificationProperties properties, Clock clock, @Nullable JavaMailSender mail) {
        List<NotificationProperties.Webhook> webhooks = properties.webhooks();
        for (int i = 0; i < webhooks.size(); i++) {
            NotificationProperties.Webhook webhook = webhooks.get(i);
            add(destination("webhooks[" + i + "]", Destination.Kind.WEBHOOK, DestinationUrls.shown(webhook.url()),
                    "NOTIFICATIONS_WEBHOOKS_" + i + "_", webhook.events(), webhook.accounts(),
                    new WebhookChannel(webhook.url(), webhook.secret(), clock)));
        }
        incoming(properties.slack(), "slack", Destination.Kind.SLACK, "Slack", SlackChannel::new);
        incoming(properties.teams(), "teams", Destination.Kind.TEAMS, "Teams", TeamsChannel::new);
        List<NotificationProperties.Email> email = properties.email();
        if (!email.isEmpty() && mail == null) {
            throw new InvalidSettingException("SPRING_MAIL_HOST (spring.mail.host)",
                    "is not set, but NOTIFICATIONS_EMAIL_0_TO is: e-mail notifications need the SMTP server to"
                            + " send them through");
        }
        for (int i = 0; i < email.size(); i++) {
            String setting = "NOTIFICATIONS_EMAIL_" + i + "_";
            List<InternetAddress> to = MailAddresses.recipients(email.get(i).to(), setting + "TO");
            add(destination("email[" + i + "]", Destination.Kind.EMAIL,
                    String.join(", ", to.stream().map(InternetAddress::toUnicodeString).toList()), setting,
                    email.get(i).events(), email.get(i).accounts(), new EmailChannel(mail,
                            MailAddresses.sender(properties.mailFrom(), "NOTIFICATIONS_MAIL_FROM"), to)));
        }
    }

    /** Slack's or Teams' webhooks, shown by their host. */
    private void incoming(List<NotificationProperties.IncomingWebhook> hooks, String list, Destination.Kind kind,
            String shown, Function<URI, Channel> channel) {
        for (int i = 0; i < hooks.size(); i++) {
            NotificationProperties.IncomingWebhook hook = hooks.get(i);
            add(destination(list + "[" + i + "]", kind, hook.url().getHost() + " (" + shown + ")",
                    "NOTIFICATIONS_" + list.toUpperCase(Locale.ROOT) + "_" + i + "_", hook.events(), hook.accounts(),
                    channel.apply(hook.url())));
        }
    }

    private static Destination destination(String id, Destination.Kind kind, String target, String setting,
            List<String> events, List<String> accounts, Channel channel) {
        return new Destination(id, kind, target, EventFilter.of(events, setting + "EVENTS"),
                EventFilter.accounts(accounts, setting + "ACCOUNTS"), channel);
    }

    private void add(Destination destination) {
        byId.put(destination.id(), destination);
    }

    public List<Destination> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Destination> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The ids of the destinations that receive the event. */
    List<String> wanting(NotificationEvent event) {
        return byId.values().stream().filter(destination -> destination.wants(event)).map(Destination::id).toList();
    }

}
