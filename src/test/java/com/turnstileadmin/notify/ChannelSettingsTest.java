package com.turnstileadmin.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.account.InvalidSettingException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The Slack, Teams and e-mail destinations from environment variables, as an operator
 * sets them: read into destinations with their ids, and a bad one refused with a message
 * that names the variable and never a webhook's URL (StartupTest starts the app with
 * them).
 */
class ChannelSettingsTest {

    private static final String SLACK_URL = "https://hooks.slack.com/services/T0ACME/B0NOTIFY/s3cr3tSlackT0ken";

    private static final String TEAMS_URL = "https://acme.webhook.office.com/webhookb2/7d1f/IncomingWebhook/t3amsS3cret";

    @Test
    void eachIsReadFromItsVariablesIntoADestinationShownWithoutItsSecret() {
        NotificationProperties properties = bind(Map.of("NOTIFICATIONS_SLACK_0_URL", SLACK_URL,
                "NOTIFICATIONS_SLACK_0_EVENTS", "widget.secret_rotated, widget.deleted", "NOTIFICATIONS_TEAMS_0_URL",
                TEAMS_URL, "NOTIFICATIONS_TEAMS_0_ACCOUNTS", SampleEvents.ACCOUNT_ID, "NOTIFICATIONS_EMAIL_0_TO",
                "security@acme.example,ops@acme.example", "NOTIFICATIONS_MAIL_FROM", "turnstile@acme.example"));

        NotificationDestinations destinations = new NotificationDestinations(properties, Clock.systemUTC(),
                new JavaMailSenderImpl());

        assertThat(destinations.all()).extracting(Destination::id, Destination::kind, Destination::target)
            .containsExactly(tuple("slack[0]", Destination.Kind.SLACK, "hooks.slack.com (Slack)"),
                    tuple("teams[0]", Destination.Kind.TEAMS, "acme.webhook.office.com (Teams)"),
                    tuple("email[0]", Destination.Kind.EMAIL, "security@acme.example, ops@acme.example"));
        assertThat(destinations.find("slack[0]").orElseThrow().events())
            .containsExactlyInAnyOrder(EventType.SECRET_ROTATED, EventType.WIDGET_DELETED);
        assertThat(destinations.find("teams[0]").orElseThrow().accounts())
            .containsExactly(new AccountId(SampleEvents.ACCOUNT_ID));
        assertThat(destinations.wanting(SampleEvents.of(EventType.WIDGET_UPDATED))).containsExactly("teams[0]",
                "email[0]");
        assertThat(properties.toString()).doesNotContain("s3cr3tSlackT0ken", "t3amsS3cret").contains("hooks.slack.com");
    }

    @Test
    void aWebhookUrlThatIsNotHttpNamesItsVariable() {
        assertThatThrownBy(() -> bind(Map.of("NOTIFICATIONS_SLACK_0_URL", "ftp://hooks.slack.com/services/x")))
            .rootCause()
            .hasMessage("NOTIFICATIONS_SLACK_0_URL must be an http or https URL");
        assertThatThrownBy(() -> bind(Map.of("NOTIFICATIONS_TEAMS_0_EVENTS", "widget.deleted"))).rootCause()
            .hasMessage("NOTIFICATIONS_TEAMS_0_URL is required");
    }

    @Test
    void aHostOutsideTheAllowListIsNamedButNotTheRestOfTheUrl() {
        assertThatThrownBy(() -> bind(
                Map.of("NOTIFICATIONS_ALLOWED_HOSTS", "hooks.slack.com", "NOTIFICATIONS_TEAMS_0_URL", TEAMS_URL)))
            .rootCause()
            .hasMessage("NOTIFICATIONS_TEAMS_0_URL names the host acme.webhook.office.com, which is not in"
                    + " NOTIFICATIONS_ALLOWED_HOSTS");
    }

    @Test
    void anUnknownEventTypeNamesItsVariable() {
        assertThatThrownBy(() -> bind(
                Map.of("NOTIFICATIONS_SLACK_0_URL", SLACK_URL, "NOTIFICATIONS_SLACK_0_EVENTS", "widget.gone")))
            .rootCause()
            .hasMessageStartingWith("NOTIFICATIONS_SLACK_0_EVENTS names an unknown event type \"widget.gone\"");
    }

    @Test
    void anEmailDestinationNeedsAddressesThatAreAddressesAndAFromAddress() {
        assertThatThrownBy(() -> bind(Map.of("NOTIFICATIONS_EMAIL_0_EVENTS", "widget.deleted",
                "NOTIFICATIONS_MAIL_FROM", "turnstile@acme.example")))
            .rootCause()
            .hasMessage("NOTIFICATIONS_EMAIL_0_TO is required: the e-mail addresses to send to, separated by commas");
        assertThatThrownBy(() -> bind(Map.of("NOTIFICATIONS_EMAIL_0_TO", "security@acme.example, security team",
                "NOTIFICATIONS_MAIL_FROM", "turnstile@acme.example")))
            .rootCause()
            .hasMessage("NOTIFICATIONS_EMAIL_0_TO holds \"security team\", which is not an e-mail address"
                    + " (name@example.com)");
        assertThatThrownBy(() -> bind(Map.of("NOTIFICATIONS_EMAIL_0_TO", "security@acme.example"))).rootCause()
            .hasMessage("NOTIFICATIONS_MAIL_FROM is required with an e-mail destination: the address notifications"
                    + " are sent from");
        assertThatThrownBy(() -> bind(
                Map.of("NOTIFICATIONS_EMAIL_0_TO", "security@acme.example", "NOTIFICATIONS_MAIL_FROM", "turnstile@")))
            .rootCause()
            .hasMessageStartingWith("NOTIFICATIONS_MAIL_FROM holds \"turnstile@\", which is not an e-mail address");
    }

    @Test
    void anEmailDestinationWithoutAMailServerIsRefused() {
        NotificationProperties properties = bind(Map.of("NOTIFICATIONS_EMAIL_0_TO", "security@acme.example",
                "NOTIFICATIONS_MAIL_FROM", "ta@acme.example"));

        assertThatThrownBy(() -> new NotificationDestinations(properties, Clock.systemUTC(), null))
            .isInstanceOf(InvalidSettingException.class)
            .hasMessageStartingWith("SPRING_MAIL_HOST (spring.mail.host) is not set, but NOTIFICATIONS_EMAIL_0_TO is");
    }

    private static NotificationProperties bind(Map<String, Object> variables) {
        // Named as the process environment is, so that its variables' names are mapped.
        SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(variables));
        return new Binder(ConfigurationPropertySources.from(environment)).bindOrCreate("notifications",
                NotificationProperties.class);
    }

}
