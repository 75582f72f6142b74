package com.turnstileadmin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.security.Role;
import com.turnstileadmin.security.SignedInUser;
import com.turnstileadmin.time.ClockConfiguration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;

/**
 * Reading one account's trail: a page of it, and all of it a batch at a time, as the
 * export does.
 */
@DataJdbcTest
@Import({ AuditTrail.class, ClockConfiguration.class })
class AuditTrailAccountTest {

    private static final AccountId ACCOUNT = new AccountId("5a4db0c5e1f24d7e9b3c0a6f8d2e1b47");

    private static final AccountId OTHER = new AccountId("9a7806061c88ada191ed06f989cc3dac");

    private static final SignedInUser ALICE = new SignedInUser("sub-alice", "alice", null, Role.ADMIN);

    @Autowired
    private AuditTrail trail;

    @Test
    void aSearchSeesOnlyItsAccount() {
        trail.succeeded(Attempt.of(ALICE, ACCOUNT, AuditAction.CREATE, "0x4AAAAAAAB", "Shop"));
        trail.succeeded(Attempt.of(ALICE, OTHER, AuditAction.CREATE, "0x4AAAAAAAC", "Shop elsewhere"));

        assertThat(trail.search(ACCOUNT, AuditFilters.ALL, PageRequest.of(0, 10)).getContent())
            .extracting(AuditEntry::widgetName)
            .containsExactly("Shop");
        assertThat(trail.search(OTHER, new AuditFilter(null, null, "shop", null, null), PageRequest.of(0, 10))
            .getContent()).extracting(AuditEntry::widgetName).containsExactly("Shop elsewhere");
    }

    @Test
    void everyMatchingEntryIsHandedOnOnceNewestFirstAcrossBatches() {
        // More than two batches of 500, all at nearly the same time: the order falls back
        // on the id.
        for (int i = 0; i < 1_050; i++) {
            trail.succeeded(Attempt.of(ALICE, ACCOUNT, AuditAction.REVEAL_SECRET, "0x4AAAAAAAB", "Shop " + i));
        }
        trail.succeeded(Attempt.of(ALICE, OTHER, AuditAction.REVEAL_SECRET, "0x4AAAAAAAB", "Elsewhere"));

        List<AuditEntry> seen = new ArrayList<>();
        trail.forEach(ACCOUNT, AuditFilters.ALL, seen::add);

        assertThat(seen).hasSize(1_050)
            .extracting(AuditEntry::id)
            .doesNotHaveDuplicates()
            .isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(seen.get(0).widgetName()).isEqualTo("Shop 1049");
    }

}
