package com.turnstileadmin.audit;

/**
 * An audit record could not be stored. Never swallowed: whoever acted is told that what they did
 * is not in the audit trail, and the log says so.
 */
public final class AuditWriteException extends RuntimeException {

    AuditWriteException(AuditAction action, Throwable cause) {
        super("Could not record " + action + " in the audit trail", cause);
    }
}
