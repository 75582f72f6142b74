package com.turnstileadmin.audit;

/** Whether a change made outside the dashboard could be put to a name. */
public enum Attribution {

    /** Matched to the account's audit log entry, which names who made it. */
    NAMED,

    /**
     * The token may not read the account's audit logs ("Account Settings Read"), which
     * would name them.
     */
    PERMISSION_MISSING,

    /** No entry of the audit logs matched, or they could not be read just then. */
    UNNAMED

}
