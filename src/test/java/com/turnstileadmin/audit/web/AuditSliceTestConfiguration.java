package com.turnstileadmin.audit.web;

import com.turnstileadmin.audit.AuditTrail;
import com.turnstileadmin.sandbox.MutableClock;
import com.turnstileadmin.web.WebSliceTestConfiguration;
import java.time.Instant;
import org.springframework.boot.data.jdbc.test.autoconfigure.AutoConfigureDataJdbc;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What the audit pages' web slices add to
 * {@link com.turnstileadmin.web.WebSliceTestConfiguration}: the real audit store on the
 * in-memory H2 database each test context gets (migrated by Flyway, as the app does), a
 * clock the tests move, so that entries are recorded at times they choose, and
 * {@link AuditEntries} to write them.
 */
@TestConfiguration(proxyBeanMethods = false)
@AutoConfigureDataJdbc
@Import(AuditTrail.class)
class AuditSliceTestConfiguration {

    /**
     * When the clock starts: the first entry of a test is recorded then, unless it moves
     * the clock first.
     */
    static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    @Bean
    MutableClock clock() {
        return new MutableClock(START);
    }

    /** Entries in the slices' account, written as the widget service writes them. */
    @Bean
    AuditEntries auditEntries(AuditTrail trail, MutableClock clock) {
        return new AuditEntries(trail, clock, WebSliceTestConfiguration.ACCOUNT);
    }

}
