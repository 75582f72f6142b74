package com.turnstileadmin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.security.Role;
import com.turnstileadmin.security.SignedInUser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;

/** The audit store on H2, the default database, migrated by Flyway as the app migrates it. */
@DataJdbcTest
@Import(AuditTrail.class)
class AuditTrailTest {

    private static final AccountId ACCOUNT = new AccountId("5a4db0c5e1f24d7e9b3c0a6f8d2e1b47");
    private static final SignedInUser ALICE = new SignedInUser("sub-alice", "alice", "alice@example.com", Role.ADMIN);

    @Autowired
    private AuditTrail trail;

    @Test
    void anUpdateIsStoredWithItsChangesAndFoundByActorAndWidget() {
        trail.succeeded(new Attempt(ALICE, ACCOUNT, AuditAction.UPDATE, "0x4AAAAAAAB", "Shop", null,
                List.of(new FieldChange("Name", "Old shop", "Shop"), new FieldChange("Mode", "managed", "invisible"))));
        trail.failed(Attempt.of(ALICE, ACCOUNT, AuditAction.DELETE, "0x4AAAAAAAC", "Blog"), "10000 Authentication error");

        var found = trail.search(new AuditFilter("ALICE@", AuditAction.UPDATE, "shop", null, null), PageRequest.of(0, 10));

        assertThat(found.getTotalElements()).isEqualTo(1);
        AuditEntry entry = found.getContent().get(0);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(entry.changes()).containsExactly(
                new FieldChange("Name", "Old shop", "Shop"), new FieldChange("Mode", "managed", "invisible"));
        assertThat(trail.search(AuditFilter.ALL, PageRequest.of(0, 10)).getContent())
                .extracting(AuditEntry::action).containsExactly(AuditAction.DELETE, AuditAction.UPDATE);
    }
}
