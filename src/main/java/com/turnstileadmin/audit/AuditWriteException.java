package com.turnstileadmin.audit;

import java.util.Arrays;

/**
 * An audit record could not be stored. Never swallowed: whoever acted is told that what
 * they did is not in the audit trail, and the log says so.
 */
public final class AuditWriteException extends RuntimeException {

    private final AuditAction action;

    AuditWriteException(AuditAction action, Throwable cause) {
        super("Could not record " + action + " in the audit trail", cause);
        this.action = action;
    }

    /** What could not be recorded. */
    public AuditAction action() {
        return action;
    }

    /**
     * Whether {@code failure} carries an audit write failure as a suppressed exception:
     * the record of a failed attempt that could not be stored, which the page showing the
     * failure points out.
     */
    public static boolean suppressedIn(Throwable failure) {
        return Arrays.stream(failure.getSuppressed()).anyMatch(AuditWriteException.class::isInstance);
    }

}
