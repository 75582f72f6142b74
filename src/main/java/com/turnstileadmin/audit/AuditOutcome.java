package com.turnstileadmin.audit;

/** Whether what was recorded happened. */
public enum AuditOutcome {

    SUCCEEDED, FAILED

}
