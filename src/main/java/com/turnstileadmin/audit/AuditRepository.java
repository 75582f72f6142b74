package com.turnstileadmin.audit;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

/** The stored audit trail. Entries are only ever added, never changed. */
interface AuditRepository extends ListCrudRepository<AuditEntry, Long> {

    /** A widget's own history, newest first. */
    List<AuditEntry> findTop20ByAccountIdAndSitekeyOrderByOccurredAtDescIdDesc(String accountId, String sitekey);

    // The two below return a list of at most one: a single result that is absent makes
    // Spring Data JDBC
    // throw and catch an EmptyResultDataAccessException, on the normal path of every
    // widget's page.

    /**
     * The latest entry that names the widget, for the name of an entry whose attempt did
     * not know it.
     */
    List<AuditEntry> findFirstByAccountIdAndSitekeyAndWidgetNameIsNotNullOrderByOccurredAtDescIdDesc(String accountId,
            String sitekey);

    /** The latest successful action of a kind on a widget, such as its last rotation. */
    List<AuditEntry> findFirstByAccountIdAndSitekeyAndActionAndOutcomeOrderByOccurredAtDescIdDesc(String accountId,
            String sitekey, AuditAction action, AuditOutcome outcome);

}
