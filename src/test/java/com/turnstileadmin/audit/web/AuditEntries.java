package com.turnstileadmin.audit.web;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.audit.Attempt;
import com.turnstileadmin.audit.Attribution;
import com.turnstileadmin.audit.AuditAction;
import com.turnstileadmin.audit.AuditEntry;
import com.turnstileadmin.audit.AuditTrail;
import com.turnstileadmin.audit.OutsideChange;
import com.turnstileadmin.audit.FieldChange;
import com.turnstileadmin.sandbox.MutableClock;
import com.turnstileadmin.security.Role;
import com.turnstileadmin.security.SignedInUser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Audit entries written for a test as the widget service writes them, at the times the
 * test chooses.
 */
final class AuditEntries {

    static final SignedInUser ALICE = new SignedInUser("sub-alice", "Alice Admin", "alice@example.com", Role.ADMIN);
    static final SignedInUser BOB = new SignedInUser("local:bob", "bob", null, Role.EDITOR);

    private final AuditTrail trail;

    private final MutableClock clock;

    private final AccountId account;

    AuditEntries(AuditTrail trail, MutableClock clock, AccountId account) {
        this.trail = trail;
        this.clock = clock;
        this.account = account;
    }

    /** The same, in another account. */
    AuditEntries in(AccountId other) {
        return new AuditEntries(trail, clock, other);
    }

    /** The clock set to that time: what is recorded next is recorded then. */
    AuditEntries at(String time) {
        Instant target = Instant.parse(time);
        clock.advance(Duration.between(clock.instant(), target));
        return this;
    }

    AuditEntry created(SignedInUser actor, String sitekey, String name) {
        return trail.succeeded(Attempt.of(actor, account, AuditAction.CREATE, sitekey, name));
    }

    AuditEntry updated(SignedInUser actor, String sitekey, String name, FieldChange... changes) {
        return trail.succeeded(new Attempt(actor, account, AuditAction.UPDATE, sitekey, name, null, List.of(changes)));
    }

    AuditEntry rotated(SignedInUser actor, String sitekey, String name, boolean invalidateImmediately) {
        return trail.succeeded(new Attempt(actor, account, AuditAction.ROTATE_SECRET, sitekey, name,
                invalidateImmediately, List.of()));
    }

    /** A change the reconciler found, made outside the dashboard, at the clock's time. */
    AuditEntry changedOutside(String sitekey, String name, String via, FieldChange... changes) {
        return trail.outside(
                new OutsideChange(account, AuditAction.UPDATE, sitekey, name, clock.instant(), List.of(changes), via));
    }

    /** As {@link #changedOutside}, where the token may not read the audit logs. */
    AuditEntry changedOutsideUnnamed(String sitekey, String name) {
        return trail.outside(
                new OutsideChange(account, AuditAction.UPDATE, sitekey, name, clock.instant(), List.of(), "dashboard")
                    .attributed(null, Attribution.PERMISSION_MISSING));
    }

    AuditEntry failedToDelete(SignedInUser actor, String sitekey, String name, String error) {
        return trail.failed(Attempt.of(actor, account, AuditAction.DELETE, sitekey, name), error);
    }

}
