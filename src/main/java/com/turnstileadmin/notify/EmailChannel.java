package com.turnstileadmin.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * An e-mail through the SMTP server of {@code spring.mail.*}: a plain-text message, its
 * subject the event's summary ("[Turnstile Admin] Secret rotated: Shop widget (Acme)"),
 * its {@code Message-ID} the event's, so that a mailbox that gets a retried event twice
 * can tell. A server that answers with a reply code (a recipient refused, 421, 452, a
 * failed sign-in) is a refusal with that code; one out of reach is unreachable.
 */
final class EmailChannel implements Channel {

    static final String SUBJECT_PREFIX = "[Turnstile Admin] ";

    /** A reply at the start of a server's answer: "535 5.7.8 Authentication failed". */
    private static final Pattern REPLY = Pattern.compile("^([2-5]\\d\\d)[ -]");

    private final JavaMailSender mail;

    private final InternetAddress from;

    private final InternetAddress[] to;

    EmailChannel(JavaMailSender mail, InternetAddress from, List<InternetAddress> to) {
        this.mail = mail;
        this.from = from;
        this.to = to.toArray(InternetAddress[]::new);
    }

    @Override
    public SendResult send(NotificationEvent event, String json) {
        MimeMessage message = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject(event));
            helper.setText(body(event));
            // Kept by the sender (JavaMailSenderImpl keeps an id set beforehand).
            message.setHeader("Message-ID", "<" + event.id() + "@" + domain(from) + ">");
            // No out-of-office answers to an address that nobody reads (RFC 3834).
            message.setHeader("Auto-Submitted", "auto-generated");
        }
        catch (MessagingException e) {
            throw new IllegalStateException("Could not write the e-mail of event " + event.id(), e);
        }
        try {
            mail.send(message);
            return SendResult.delivered(250, "accepted by the SMTP server");
        }
        catch (MailSendException | MailAuthenticationException e) {
            return failure(e);
        }
    }

    static String subject(NotificationEvent event) {
        return SUBJECT_PREFIX + EventText.cut(new EventText(event).summary(), 200);
    }

    /** What the e-mail says, in plain text: nothing is cut, unlike in a chat message. */
    static String body(NotificationEvent event) {
        EventText text = new EventText(event);
        StringBuilder body = new StringBuilder();
        body.append(text.summary()).append("\n\n").append(text.sentence(PLAIN)).append("\n\n");
        int width = text.facts().stream().mapToInt(fact -> fact.label().length()).max().orElse(0) + 2;
        text.facts()
            .forEach(fact -> body.append(String.format("%-" + width + "s%s\n", fact.label() + ":", fact.value())));
        if (!event.changes().isEmpty()) {
            body.append("\nChanges\n");
            for (EventText.ChangeLine change : text.changes(Integer.MAX_VALUE)) {
                body.append("  ")
                    .append(change.field())
                    .append("\n    before: ")
                    .append(change.before())
                    .append("\n    after:  ")
                    .append(change.after())
                    .append('\n');
            }
        }
        text.detail().ifPresent(detail -> body.append('\n').append(detail).append('\n'));
        if (event.widget() != null) {
            body.append("\nOpen the widget: ").append(event.widget().url()).append('\n');
        }
        body.append("\n-- \nTurnstile Admin · ").append(event.type().wireName()).append(" · ").append(event.id());
        return body.toString();
    }

    /** The server's reply code where it gave one, else out of reach. */
    static SendResult failure(RuntimeException failure) {
        for (Throwable cause : causes(failure)) {
            Integer code = replyCode(cause);
            if (code != null) {
                // 5xx is permanent by RFC 5321 (no such mailbox, relaying denied).
                String reply = String.valueOf(cause.getMessage()).strip();
                return code >= 500 ? SendResult.rejected(code, reply) : SendResult.refused(code, null, reply);
            }
        }
        // What went wrong at the bottom ("ConnectException: Connection refused"), as for
        // a webhook.
        List<Throwable> causes = causes(failure);
        Throwable root = causes.get(causes.size() - 1);
        return SendResult.unreachable(root.getClass().getSimpleName() + ": " + root.getMessage());
    }

    private static @Nullable Integer replyCode(Throwable cause) {
        if (cause instanceof SMTPAddressFailedException refused) {
            return refused.getReturnCode();
        }
        if (cause instanceof SMTPSenderFailedException refused) {
            return refused.getReturnCode();
        }
        if (cause instanceof SMTPSendFailedException refused) {
            return refused.getReturnCode();
        }
        // A failed sign-in carries the server's answer as its message only.
        if (cause instanceof MessagingException && cause.getMessage() != null) {
            Matcher reply = REPLY.matcher(cause.getMessage());
            return reply.find() ? Integer.valueOf(reply.group(1)) : null;
        }
        return null;
    }

    /** The failure, its causes and those of each message it failed to send. */
    private static List<Throwable> causes(RuntimeException failure) {
        List<Throwable> roots = new ArrayList<>(List.of(failure));
        if (failure instanceof MailSendException send) {
            roots.addAll(List.of(send.getMessageExceptions()));
        }
        List<Throwable> causes = new ArrayList<>();
        for (Throwable root : roots) {
            for (Throwable cause = root; cause != null && !causes.contains(cause); cause = cause.getCause()) {
                causes.add(cause);
            }
        }
        return causes;
    }

    private static String domain(InternetAddress address) {
        String email = address.getAddress();
        return email.substring(email.lastIndexOf('@') + 1);
    }

    /** Plain text: nothing to escape; the link is given on a line of its own. */
    private static final EventText.Markup PLAIN = new EventText.Markup() {

        @Override
        public String text(String plain) {
            return plain;
        }

        @Override
        public String strong(String plain) {
            return plain;
        }

        @Override
        public String link(String label, String url) {
            return label;
        }

    };

}
