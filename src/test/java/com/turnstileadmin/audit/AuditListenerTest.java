package com.turnstileadmin.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.security.Role;
import com.turnstileadmin.security.SignedInUser;
import com.turnstileadmin.time.ClockConfiguration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An entry and what its listeners write (the notification outbox) are stored together or
 * not at all: each test commits, outside the test's usual rolled-back transaction.
 */
@DataJdbcTest
@Import({ AuditTrail.class, ClockConfiguration.class, AuditListenerTest.Listening.class })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class AuditListenerTest {

    private static final AccountId ACCOUNT = new AccountId("0123456789abcdef0123456789abcdef");

    private static final SignedInUser ALICE = new SignedInUser("sub-alice", "alice", null, Role.ADMIN);

    @Autowired
    private AuditTrail trail;

    @Autowired
    private Listening listening;

    @Test
    void aListenerIsToldOfTheStoredEntryAndItsFailureLeavesNoEntry() {
        AuditEntry stored = trail
            .succeeded(Attempt.of(ALICE, ACCOUNT, AuditAction.REVEAL_SECRET, "0x4AAAAAAAok", "Ok"));
        assertThat(listening.told).extracting(AuditEntry::id).containsExactly(stored.id());

        listening.failing = true;
        assertThatThrownBy(
                () -> trail.succeeded(Attempt.of(ALICE, ACCOUNT, AuditAction.DELETE, "0x4AAAAAAAgone", "Gone")))
            .isInstanceOf(AuditWriteException.class);
        listening.failing = false;

        assertThat(trail.search(ACCOUNT, AuditFilters.ALL, PageRequest.of(0, 10)).getContent())
            .extracting(AuditEntry::sitekey)
            .containsExactly("0x4AAAAAAAok");
    }

    @TestConfiguration
    static class Listening implements AuditListener {

        final List<AuditEntry> told = new ArrayList<>();

        volatile boolean failing;

        @Override
        public void recorded(AuditEntry entry) {
            if (failing) {
                throw new DataAccessResourceFailureException("The outbox could not be written");
            }
            told.add(entry);
        }

    }

}
