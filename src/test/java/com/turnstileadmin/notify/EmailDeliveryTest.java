package com.turnstileadmin.notify;

import static com.turnstileadmin.notify.WebhookReceiver.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.security.Role;
import com.turnstileadmin.security.SignedInUser;
import com.turnstileadmin.widget.Widget;
import com.turnstileadmin.widget.WidgetMode;
import com.turnstileadmin.widget.WidgetService;
import com.turnstileadmin.widget.WidgetSettings;
import com.turnstileadmin.widget.WidgetWithSecret;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
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

/**
 * The dashboard's changes arrive as e-mails at a real SMTP server (GreenMail, in the
 * test's JVM): the subject and plain-text body say what happened, never a secret; an SMTP
 * server that is down is tried again until it is back.
 */
@SpringBootTest(properties = { "notifications.dispatcher.enabled=true", "notifications.poll-interval=100ms",
        "notifications.retry.first=50ms", "notifications.retry.longest=200ms", "notifications.give-up-after=60s",
        "notifications.dashboard-url=https://turnstile-admin.example.com/", "spring.mail.host=127.0.0.1",
        "notifications.email[0].to=security@acme.example, Ops Team <ops@acme.example>",
        "notifications.mail-from=Turnstile Admin <turnstile@acme.example>" })
class EmailDeliveryTest {

    private static final int PORT = freePort();

    private static GreenMail smtp = started();

    private static final SignedInUser ADMIN = new SignedInUser("local:mail-admin", "Mail Admin", null, Role.ADMIN);

    private static final AtomicInteger MADE = new AtomicInteger();

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> PORT);
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Autowired
    private WidgetService widgets;

    @Autowired
    private CloudflareAccounts accounts;

    @Autowired
    private NotificationDestinations destinations;

    @Autowired
    private JdbcTemplate jdbc;

    private AccountId account;

    @BeforeEach
    void signIn() {
        SecurityContextHolder.getContext()
            .setAuthentication(new TestingAuthenticationToken(ADMIN, null, Role.ADMIN.authorities()));
        account = accounts.first().id();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void eachChangeArrivesAsAMailSayingWhatHappenedButNeverTheSecret() throws Exception {
        String name = name("Mailed");
        WidgetWithSecret created = widgets.create(ADMIN, account, settings(name)).result();
        Widget widget = created.widget();
        widgets.update(ADMIN, account, widget.sitekey(), widget.settings(),
                widget.settings().withMode(WidgetMode.INVISIBLE), widget.modifiedOn());
        WidgetWithSecret rotated = widgets.rotateSecret(ADMIN, account, widget.sitekey(), true).result();

        // One message per recipient.
        await("three mails to two people", Duration.ofSeconds(10), () -> mails(name).size() == 6);

        String accountName = accounts.first().displayName();
        List<MimeMessage> mails = mails(name);
        assertThat(mails).extracting(MimeMessage::getSubject)
            .containsOnly("[Turnstile Admin] Widget created: " + name + " (" + accountName + ")",
                    "[Turnstile Admin] Widget changed: " + name + " (" + accountName + ")",
                    "[Turnstile Admin] Secret rotated: " + name + " (" + accountName + ")");
        for (MimeMessage mail : mails) {
            assertThat(mail.getFrom())
                .containsExactly(new InternetAddress("turnstile@acme.example", "Turnstile Admin"));
            assertThat(Stream.of(mail.getAllRecipients()).map(address -> ((InternetAddress) address).getAddress()))
                .containsExactly("security@acme.example", "ops@acme.example");
            assertThat(mail.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
            assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
            assertThat(mail.getMessageID()).matches("<evt_[0-9a-f]{32}@acme\\.example>");
            assertThat(body(mail)).doesNotContain(created.secret().value(), rotated.secret().value());
        }
        String rotation = body(mails.stream()
            .filter(mail -> subject(mail).startsWith("[Turnstile Admin] Secret rotated"))
            .findFirst()
            .orElseThrow());
        assertThat(rotation)
            .contains("Mail Admin rotated the secret of " + name + " in " + accountName + "."
                    + " The old secret stopped working at once.")
            .contains("By:      Mail Admin")
            .contains("Sitekey: " + widget.sitekey().value())
            .contains("Open the widget: https://turnstile-admin.example.com/accounts/" + account.value() + "/widgets/"
                    + widget.sitekey().value())
            .contains("widget.secret_rotated");
        String change = body(mails.stream()
            .filter(mail -> subject(mail).startsWith("[Turnstile Admin] Widget changed"))
            .findFirst()
            .orElseThrow());
        assertThat(change.replace("\r\n", "\n"))
            .contains("Changes\n  Mode\n    before: managed\n    after:  invisible\n");
    }

    @Test
    void theDestinationIsShownAsItsAddresses() {
        assertThat(destinations.find("email[0]").orElseThrow().target())
            .isEqualTo("security@acme.example, Ops Team <ops@acme.example>");
    }

    @Test
    void anSmtpServerThatIsDownIsTriedAgainUntilItIsBack() throws Exception {
        String name = name("Postponed");
        smtp.stop();
        try {
            widgets.create(ADMIN, account, settings(name));

            await("attempts while down", Duration.ofSeconds(10),
                    () -> ((Integer) delivery(name).getOrDefault("ATTEMPTS", 0)) >= 3);
            assertThat(delivery(name)).containsEntry("STATUS", "PENDING").doesNotContainKey("LAST_STATUS");
            assertThat((String) delivery(name).get("LAST_RESPONSE")).contains("Connection refused");
        }
        finally {
            smtp = started();
        }

        await("delivered once back", Duration.ofSeconds(10), () -> mails(name).size() == 2);
        await("recorded", Duration.ofSeconds(5), () -> "DELIVERED".equals(delivery(name).get("STATUS")));
        assertThat(delivery(name)).containsEntry("LAST_STATUS", 250);
        assertThat(mails(name)).extracting(EmailDeliveryTest::subject)
            .containsOnly("[Turnstile Admin] Widget created: " + name + " (" + accounts.first().displayName() + ")");
    }

    private static List<MimeMessage> mails(String name) {
        return Stream.of(smtp.getReceivedMessages()).filter(mail -> subject(mail).contains(name + " (")).toList();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        }
        catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage mail) {
        try {
            return (String) mail.getContent();
        }
        catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> delivery(String name) {
        return DeliveryRows.of(jdbc, "email[0]", name);
    }

    private static GreenMail started() {
        GreenMail server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(String purpose) {
        return "Mail " + purpose + " " + MADE.incrementAndGet();
    }

    private static WidgetSettings settings(String name) {
        return WidgetSettings.of(name, List.of("mail.example.com"), WidgetMode.MANAGED);
    }

}
