package com.turnstileadmin.notify;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.InternetAddress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * How an SMTP server's answer becomes a delivery's outcome, against a server that answers
 * as the test scripts it, over a real connection with Angus Mail: a refusal keeps the
 * server's reply code, a server out of reach is unreachable.
 */
class EmailChannelTest {

    @Test
    void aRecipientRefusedIsARefusalWithTheServersReplyCode() throws Exception {
        try (ScriptedSmtp server = new ScriptedSmtp(
                Map.of("RCPT", "550 5.1.1 <security@acme.example>: no such user"))) {
            SendResult result = channel(server.port()).send(SampleEvents.of(EventType.SECRET_ROTATED), "{}");

            assertThat(result.delivered()).isFalse();
            assertThat(result.status()).isEqualTo(550);
            assertThat(result.excerpt()).contains("no such user");
        }
    }

    @Test
    void aMessageRefusedAfterItsDataIsARefusalWithThatCode() throws Exception {
        try (ScriptedSmtp server = new ScriptedSmtp(Map.of("END", "452 4.3.1 Insufficient system storage"))) {
            SendResult result = channel(server.port()).send(SampleEvents.of(EventType.WIDGET_UPDATED), "{}");

            assertThat(result.delivered()).isFalse();
            assertThat(result.status()).isEqualTo(452);
        }
    }

    @Test
    void aFailedSignInIsARefusalWithTheServersCode() throws Exception {
        try (ScriptedSmtp server = new ScriptedSmtp(Map.of("AUTH", "535 5.7.8 Authentication credentials invalid"))) {
            JavaMailSenderImpl mail = sender(server.port());
            mail.setUsername("turnstile");
            mail.setPassword("not-the-password");
            mail.getJavaMailProperties().put("mail.smtp.auth", "true");

            SendResult result = channel(mail).send(SampleEvents.of(EventType.WIDGET_DELETED), "{}");

            assertThat(result.status()).isEqualTo(535);
            assertThat(result.excerpt()).doesNotContain("not-the-password");
        }
    }

    @Test
    void aServerOutOfReachIsUnreachable() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }

        SendResult result = channel(closed).send(SampleEvents.of(EventType.WIDGET_CREATED), "{}");

        assertThat(result.delivered()).isFalse();
        assertThat(result.status()).isNull();
        assertThat(result.excerpt()).startsWith("ConnectException: ");
    }

    @Test
    void anAcceptedMessageIsDeliveredWithTheSubjectAndBodyItSent() throws Exception {
        try (ScriptedSmtp server = new ScriptedSmtp(Map.of())) {
            NotificationEvent event = SampleEvents.of(EventType.SECRET_ROTATED);

            SendResult result = channel(server.port()).send(event, "{}");

            assertThat(result.delivered()).isTrue();
            assertThat(result.status()).isEqualTo(250);
            assertThat(server.data()).contains("Subject: [Turnstile Admin] Secret rotated: Shop widget (Acme)",
                    "Message-ID: <" + event.id() + "@acme.example>");
        }
    }

    private static EmailChannel channel(int port) throws Exception {
        return channel(sender(port));
    }

    private static EmailChannel channel(JavaMailSenderImpl mail) throws Exception {
        return new EmailChannel(mail, new InternetAddress("turnstile@acme.example"),
                List.of(new InternetAddress("security@acme.example")));
    }

    private static JavaMailSenderImpl sender(int port) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(port);
        Properties properties = mail.getJavaMailProperties();
        properties.put("mail.smtp.connectiontimeout", "2000");
        properties.put("mail.smtp.timeout", "2000");
        return mail;
    }

    /**
     * An SMTP server of one connection at a time that says yes to everything but the
     * commands it is told otherwise ({@code END}: the end of the message's data).
     */
    static final class ScriptedSmtp implements AutoCloseable {

        private final ServerSocket socket;

        private final Map<String, String> refusals;

        private final StringBuilder data = new StringBuilder();

        private final Thread thread;

        ScriptedSmtp(Map<String, String> refusals) throws IOException {
            this.socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            this.refusals = refusals;
            this.thread = new Thread(this::serve, "scripted-smtp");
            this.thread.setDaemon(true);
            this.thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        synchronized String data() {
            return data.toString();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    converse(client);
                }
                catch (IOException closed) {
                    return;
                }
            }
        }

        private void converse(Socket client) throws IOException {
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = client.getOutputStream();
            reply(out, "220 scripted.example ESMTP");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.split("[ :]", 2)[0].toUpperCase(Locale.ROOT);
                switch (command) {
                    case "EHLO" -> reply(out, "250-scripted.example\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME");
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        for (String body = in.readLine(); body != null && !body.equals("."); body = in.readLine()) {
                            synchronized (this) {
                                data.append(body).append('\n');
                            }
                        }
                        reply(out, refusals.getOrDefault("END", "250 2.0.0 queued"));
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, refusals.getOrDefault(command, command.equals("AUTH") ? "235 ok" : "250 ok"));
                }
            }
        }

        private static void reply(OutputStream out, String reply) throws IOException {
            out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }

    }

}
