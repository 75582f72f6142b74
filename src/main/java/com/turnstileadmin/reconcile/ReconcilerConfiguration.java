package com.turnstileadmin.reconcile;

import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.audit.AuditTrail;
import com.turnstileadmin.widget.OutsideChanges;
import com.turnstileadmin.widget.OwnWrites;
import com.turnstileadmin.widget.TurnstileWidgets;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reconciler and what it needs: the dashboard's own writes noted for it always, so
 * that turning it on later finds them; its schedule only when {@code reconciler.enabled}.
 */
@Configuration(proxyBeanMethods = false)
class ReconcilerConfiguration {

    @Bean
    OwnWrites ownWrites(KnownWidgets known, AuditTrail audit, TransactionTemplate transactions, Clock clock,
            MessageSource messages) {
        return new JdbcOwnWrites(known, audit, transactions, clock, messages);
    }

    /**
     * The built-in sandbox is a new Cloudflare at every start (its widgets' secrets are
     * new, and widgets made in it are gone): what was known of its accounts in a store
     * kept from an earlier start (./data) is forgotten, or every secret would be reported
     * as rotated outside.
     */
    @Bean
    ApplicationRunner forgetAnEarlierSandbox(CloudflareAccounts accounts, KnownWidgets known) {
        return arguments -> {
            if (accounts.isSandbox()) {
                accounts.all().forEach(account -> known.forget(account.id()));
            }
        };
    }

    @Bean
    OutsideChanges outsideChanges(KnownWidgets known) {
        return new JdbcOutsideChanges(known);
    }

    @Bean
    Reconciler reconciler(TurnstileWidgets cloudflare, AccountAuditLogs auditLogs, KnownWidgets known, AuditTrail audit,
            TransactionTemplate transactions, ReconcilerProperties properties, Clock clock, MessageSource messages) {
        return new Reconciler(cloudflare, auditLogs, known, audit, transactions, properties, clock, messages);
    }

    /**
     * ShedLock's JDBC provider on the shared database, with the database's clock, so that
     * replicas whose clocks differ agree on when a lock ends.
     */
    @Bean
    LockProvider reconcilerLocks(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
            .withJdbcTemplate(new JdbcTemplate(dataSource))
            .usingDbTime()
            .build());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "reconciler.enabled", matchIfMissing = true)
    @EnableScheduling
    static class Scheduling {

        @Bean
        ReconcilerSchedule reconcilerSchedule(Reconciler reconciler, CloudflareAccounts accounts,
                LockProvider reconcilerLocks, ReconcilerProperties properties, Clock clock, MeterRegistry meters) {
            return new ReconcilerSchedule(reconciler, accounts, new DefaultLockingTaskExecutor(reconcilerLocks),
                    properties, clock, meters);
        }

    }

}
