package com.turnstileadmin.audit;

/**
 * Told of every entry the audit trail stores, in the transaction that stores it: what it
 * writes to the database (the notification outbox) is stored with the entry or not at
 * all, and a failure of either fails both.
 */
public interface AuditListener {

    void recorded(AuditEntry entry);

}
