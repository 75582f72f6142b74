package com.turnstileadmin.audit;

import com.turnstileadmin.account.AccountId;
import org.springframework.data.relational.core.query.Criteria;

/**
 * An {@link AuditFilter} as the query of Spring Data JDBC: each filter given narrows it,
 * text matches anywhere.
 */
final class AuditCriteria {

    private AuditCriteria() {
    }

    /** The entries of {@code account} that match {@code filter}. */
    static Criteria of(AccountId account, AuditFilter filter) {
        return inAccount(account, criteria(filter));
    }

    private static Criteria inAccount(AccountId account, Criteria criteria) {
        Criteria ofAccount = Criteria.where("accountId").is(account.value());
        return criteria.isEmpty() ? ofAccount : ofAccount.and(criteria);
    }

    private static Criteria criteria(AuditFilter filter) {
        Criteria criteria = Criteria.empty();
        if (filter.actor() != null) {
            String pattern = contains(filter.actor());
            criteria = criteria.and(Criteria.where("actorName")
                .like(pattern)
                .ignoreCase(true)
                .or(Criteria.where("actorEmail").like(pattern).ignoreCase(true))
                .or(Criteria.where("actorSubject").like(pattern).ignoreCase(true)));
        }
        if (filter.actorKind() != null) {
            criteria = criteria.and(Criteria.where("actorKind").is(filter.actorKind()));
        }
        if (filter.action() != null) {
            criteria = criteria.and(Criteria.where("action").is(filter.action()));
        }
        if (filter.widget() != null) {
            String pattern = contains(filter.widget());
            criteria = criteria.and(Criteria.where("widgetName")
                .like(pattern)
                .ignoreCase(true)
                .or(Criteria.where("sitekey").like(pattern).ignoreCase(true)));
        }
        if (filter.from() != null) {
            criteria = criteria.and(Criteria.where("occurredAt").greaterThanOrEquals(filter.from()));
        }
        if (filter.until() != null) {
            criteria = criteria.and(Criteria.where("occurredAt").lessThan(filter.until()));
        }
        return criteria;
    }

    /**
     * A LIKE pattern for text that contains {@code text} literally, wildcards in it
     * included.
     */
    private static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

}
