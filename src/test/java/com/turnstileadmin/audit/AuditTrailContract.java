package com.turnstileadmin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.security.Role;
import com.turnstileadmin.security.SignedInUser;
import com.turnstileadmin.time.ClockConfiguration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;

/**
 * What the audit store does, whichever database it is on: H2, the default
 * ({@link AuditTrailOnH2Test}), and PostgreSQL ({@link AuditTrailOnPostgresTest},
 * {@link AuditTrailOnPostgresContainerTest}), each migrated by Flyway as the app migrates
 * it. Every test runs in a transaction that is rolled back.
 */
@DataJdbcTest
@Import({ AuditTrail.class, ClockConfiguration.class })
abstract class AuditTrailContract {

    static final AccountId ACCOUNT = new AccountId("5a4db0c5e1f24d7e9b3c0a6f8d2e1b47");
    static final SignedInUser ALICE = new SignedInUser("sub-alice", "alice", "alice@example.com", Role.ADMIN);
    static final SignedInUser BOB = new SignedInUser("local:bob", "bob", null, Role.EDITOR);

    @Autowired
    private AuditTrail trail;

    @Test
    void anUpdateIsStoredWithItsChangesAndFoundByActorAndWidget() {
        trail.succeeded(new Attempt(ALICE, ACCOUNT, AuditAction.UPDATE, "0x4AAAAAAAB", "Shop", null,
                List.of(new FieldChange("Name", "Old shop", "Shop"), new FieldChange("Mode", "managed", "invisible"))));
        trail.failed(Attempt.of(ALICE, ACCOUNT, AuditAction.DELETE, "0x4AAAAAAAC", "Blog"),
                "10000 Authentication error");

        var found = trail.search(ACCOUNT, new AuditFilter("ALICE@", AuditAction.UPDATE, "shop", null, null),
                PageRequest.of(0, 10));

        assertThat(found.getTotalElements()).isEqualTo(1);
        AuditEntry entry = found.getContent().get(0);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(entry.changes()).containsExactly(new FieldChange("Name", "Old shop", "Shop"),
                new FieldChange("Mode", "managed", "invisible"));
        assertThat(trail.search(ACCOUNT, AuditFilters.ALL, PageRequest.of(0, 10)).getContent())
            .extracting(AuditEntry::action)
            .containsExactly(AuditAction.DELETE, AuditAction.UPDATE);
    }

    @Test
    void aDisplayNameLongerThanItsColumnIsCutNotRefused() {
        SignedInUser verbose = new SignedInUser("sub-v", "v".repeat(400), null, Role.VIEWER);

        AuditEntry stored = trail
            .succeeded(Attempt.of(verbose, ACCOUNT, AuditAction.REVEAL_SECRET, "0x4AAAAAAAE", "Shop"));

        assertThat(stored.actorName()).hasSize(AuditTrail.ACTOR_NAME_LENGTH).startsWith("vvv").endsWith("…");
    }

    @Test
    void aNameCutWhereAnEmojiStandsLosesTheWholeEmoji() {
        String name = "v".repeat(AuditTrail.ACTOR_NAME_LENGTH - 2) + "😀" + "tail";
        SignedInUser emoji = new SignedInUser("sub-e", name, null, Role.VIEWER);

        AuditEntry stored = trail
            .succeeded(Attempt.of(emoji, ACCOUNT, AuditAction.REVEAL_SECRET, "0x4AAAAAAAE", "Shop"));

        assertThat(stored.actorName()).isEqualTo("v".repeat(AuditTrail.ACTOR_NAME_LENGTH - 2) + "…");
    }

    @Test
    void anEntryWhoseAttemptDidNotKnowTheWidgetsNameGetsTheNameLastRecorded() {
        trail.succeeded(Attempt.of(ALICE, ACCOUNT, AuditAction.CREATE, "0x4AAAAAAAF", "Blog"));
        trail.succeeded(Attempt.of(ALICE, ACCOUNT, AuditAction.CREATE, "0x4AAAAAAAG", "Other"));

        AuditEntry refused = trail.failed(Attempt.of(BOB, ACCOUNT, AuditAction.DELETE, "0x4AAAAAAAF", null), "refused");

        assertThat(refused.widgetName()).isEqualTo("Blog");
    }

    @Test
    void everyFieldIsReadBackAsItWasStored() {
        AuditEntry stored = trail.failed(
                new Attempt(BOB, ACCOUNT, AuditAction.UPDATE, "0x4AAAAAAAD", "Käse “shop”", null,
                        List.of(new FieldChange("Domains", null, "a.example, b.example"),
                                new FieldChange("Name", "Old", null))),
                "Cloudflare refused to update widget (HTTP 400): 10001 no");

        AuditEntry read = trail.search(ACCOUNT, AuditFilters.ALL, PageRequest.of(0, 10)).getContent().get(0);

        assertThat(read).isEqualTo(stored);
        assertThat(read.id()).isNotNull();
        assertThat(read.actorEmail()).isNull();
        assertThat(read.invalidateImmediately()).isNull();
        assertThat(read.occurredAt()).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void theLastRotationIsTheLatestSuccessfulOneOfThatWidgetWithItsChoice() {
        trail.succeeded(rotation("0x4AAAAAAAE", false));
        trail.succeeded(rotation("0x4AAAAAAAE", true));
        trail.failed(rotation("0x4AAAAAAAE", false), "refused");
        trail.succeeded(rotation("0x4AAAAAAAF", false));

        assertThat(trail.lastRotation(ACCOUNT, "0x4AAAAAAAE")).hasValueSatisfying(last -> {
            assertThat(last.succeeded()).isTrue();
            assertThat(last.invalidateImmediately()).isTrue();
        });
        assertThat(trail.lastRotation(ACCOUNT, "0x4AAAAAAAG")).isEmpty();
        assertThat(trail.lastRotation(new AccountId("9a7806061c88ada191ed06f989cc3dac"), "0x4AAAAAAAE")).isEmpty();
    }

    @Test
    void aWidgetsHistoryIsItsOwnNewestFirst() {
        trail.succeeded(Attempt.of(ALICE, ACCOUNT, AuditAction.CREATE, "0x4AAAAAAAH", "Shop"));
        trail.succeeded(Attempt.of(BOB, ACCOUNT, AuditAction.REVEAL_SECRET, "0x4AAAAAAAH", "Shop"));
        trail.succeeded(Attempt.of(BOB, ACCOUNT, AuditAction.REVEAL_SECRET, "0x4AAAAAAAI", "Blog"));

        assertThat(trail.historyOf(ACCOUNT, "0x4AAAAAAAH")).extracting(AuditEntry::action)
            .containsExactly(AuditAction.REVEAL_SECRET, AuditAction.CREATE);
    }

    @Test
    void searchTextIsTakenLiterallyAndInAnyCase() {
        trail.succeeded(Attempt.of(ALICE, ACCOUNT, AuditAction.CREATE, "0x4AAAAAAAJ", "Sale 50% off"));
        trail.succeeded(Attempt.of(ALICE, ACCOUNT, AuditAction.CREATE, "0x4AAAAAAAK", "Sale 500 off"));

        assertThat(trail.search(ACCOUNT, new AuditFilter(null, null, "SALE 50%", null, null), PageRequest.of(0, 10))
            .getContent()).extracting(AuditEntry::widgetName).containsExactly("Sale 50% off");
        assertThat(trail.search(ACCOUNT, new AuditFilter("LOCAL:", null, null, null, null), PageRequest.of(0, 10))
            .getContent()).isEmpty();
    }

    private static Attempt rotation(String sitekey, boolean invalidateImmediately) {
        return new Attempt(ALICE, ACCOUNT, AuditAction.ROTATE_SECRET, sitekey, "Shop", invalidateImmediately,
                List.of());
    }

}
