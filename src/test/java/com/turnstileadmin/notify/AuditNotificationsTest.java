package com.turnstileadmin.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.account.CloudflareAccount;
import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.account.Credentials;
import com.turnstileadmin.audit.ActorKind;
import com.turnstileadmin.audit.Attribution;
import com.turnstileadmin.audit.AuditAction;
import com.turnstileadmin.audit.AuditEntry;
import com.turnstileadmin.audit.AuditOutcome;
import com.turnstileadmin.audit.FieldChange;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which audit entries are events, and what each says. */
class AuditNotificationsTest {

    private static final AccountId ACCOUNT = new AccountId("5a4db0c5e1f24d7e9b3c0a6f8d2e1b47");

    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");

    private final AuditNotifications notifications = new AuditNotifications(null,
            new CloudflareAccounts(URI.create("https://api.cloudflare.com/client/v4"),
                    List.of(new CloudflareAccount(ACCOUNT, "Acme", new Credentials.ApiToken("token-never-sent"))),
                    false),
            URI.create("https://admin.example.com/"));

    @Test
    void aChangeMadeHereIsItsEventWithWhoWhatAndALink() {
        NotificationEvent event = notifications
            .of(entry(AuditAction.UPDATE, AuditOutcome.SUCCEEDED, ActorKind.USER,
                    List.of(new FieldChange("Mode", "managed", "invisible"))))
            .orElseThrow();

        assertThat(event.type()).isEqualTo(EventType.WIDGET_UPDATED);
        assertThat(event.id()).startsWith("evt_").hasSize(36);
        assertThat(event.account()).isEqualTo(new NotificationEvent.Account(ACCOUNT.value(), "Acme"));
        assertThat(event.widget()).isEqualTo(new NotificationEvent.WidgetRef("Shop", "0x4AAAAAAAshop",
                "https://admin.example.com/accounts/" + ACCOUNT.value() + "/widgets/0x4AAAAAAAshop"));
        assertThat(event.actor()).isEqualTo(new NotificationEvent.Actor("Dana", "user", null));
        assertThat(event.changes()).containsExactly(new NotificationEvent.Change("Mode", "managed", "invisible"));
        assertThat(event.action()).isNull();
        assertThat(EventJson.read(EventJson.write(event))).isEqualTo(event);
    }

    @Test
    void aChangeFoundMadeOutsideSaysWhatWasDoneAndHow() {
        NotificationEvent event = notifications
            .of(entry(AuditAction.ROTATE_SECRET, AuditOutcome.SUCCEEDED, ActorKind.OUTSIDE, List.of()))
            .orElseThrow();

        assertThat(event.type()).isEqualTo(EventType.CHANGED_OUTSIDE);
        assertThat(event.action()).isEqualTo("secret_rotated");
        assertThat(event.actor()).isEqualTo(new NotificationEvent.Actor("Dana", "outside", "dashboard"));
        assertThat(event.invalidateImmediately()).isFalse();
    }

    @Test
    void ofTheRefusalsOnlyARotationsIsAnEventWithCloudflaresError() {
        NotificationEvent refused = notifications
            .of(entry(AuditAction.ROTATE_SECRET, AuditOutcome.FAILED, ActorKind.USER, List.of()))
            .orElseThrow();

        assertThat(refused.type()).isEqualTo(EventType.ROTATION_REFUSED);
        assertThat(refused.detail()).isEqualTo("10000 Authentication error");
        assertThat(notifications.of(entry(AuditAction.DELETE, AuditOutcome.FAILED, ActorKind.USER, List.of())))
            .isEmpty();
        assertThat(notifications
            .of(entry(AuditAction.KEEP_OUTSIDE_CHANGE, AuditOutcome.SUCCEEDED, ActorKind.USER, List.of()))).isEmpty();
    }

    private static AuditEntry entry(AuditAction action, AuditOutcome outcome, ActorKind kind,
            List<FieldChange> changes) {
        boolean outside = kind == ActorKind.OUTSIDE;
        return new AuditEntry(1L, AT, "local:dana", "Dana", null, ACCOUNT.value(), action, outcome, "0x4AAAAAAAshop",
                "Shop", action == AuditAction.ROTATE_SECRET ? false : null,
                outcome == AuditOutcome.FAILED ? "10000 Authentication error" : null, changes, kind,
                outside ? "dashboard" : null, outside ? Attribution.NAMED : null);
    }

}
