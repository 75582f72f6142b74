package com.turnstileadmin.reconcile;

import com.turnstileadmin.account.CloudflareAccount;
import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.widget.CloudflareUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the reconciler for every configured account once per interval across all replicas:
 * each replica tries every interval, and ShedLock's lock on the shared database lets one
 * of them run an account. The lock is held at least nine tenths of the interval, so that
 * another replica trying later in the same interval does not run it again, and at most
 * one interval, so that a replica that dies mid-run hands over within one.
 */
class ReconcilerSchedule {

    private static final Logger log = LoggerFactory.getLogger(ReconcilerSchedule.class);

    private final Reconciler reconciler;

    private final CloudflareAccounts accounts;

    private final LockingTaskExecutor locks;

    private final Duration interval;

    private final Clock clock;

    private final MeterRegistry meters;

    ReconcilerSchedule(Reconciler reconciler, CloudflareAccounts accounts, LockingTaskExecutor locks,
            ReconcilerProperties properties, Clock clock, MeterRegistry meters) {
        this.meters = meters;
        this.reconciler = reconciler;
        this.accounts = accounts;
        this.locks = locks;
        this.interval = properties.interval();
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${reconciler.interval:60s}", fixedRateString = "${reconciler.interval:60s}")
    void reconcileEveryAccount() {
        for (CloudflareAccount account : accounts.all()) {
            LockConfiguration lock = new LockConfiguration(clock.instant(), lockName(account), interval,
                    interval.multipliedBy(9).dividedBy(10));
            locks.executeWithLock((Runnable) () -> reconcile(account), lock);
        }
    }

    /**
     * Runs, by result, across accounts: with several replicas, their sum is one per
     * account and interval.
     */
    private void count(String result) {
        meters.counter("reconciler.runs", "result", result).increment();
    }

    /** ShedLock's names are at most 64 characters; an account id is 32. */
    static String lockName(CloudflareAccount account) {
        return "reconcile-" + account.id().value();
    }

    private void reconcile(CloudflareAccount account) {
        try {
            Reconciler.Run run = reconciler.reconcile(account.id());
            count(run.baseline() ? "baseline" : run.changes() > 0 ? "changes" : "none");
            meters.counter("reconciler.calls").increment(run.calls());
            meters.counter("reconciler.changes").increment(run.changes());
            if (run.baseline()) {
                log.info("Reconciler: learned the {} widgets of account {} ({} calls, {} ms)", run.widgets(),
                        account.id().value(), run.calls(), run.took().toMillis());
            }
            else if (run.changes() > 0) {
                log.info("Reconciler: {} change(s) made outside the dashboard in account {} {} ({} calls, {} ms)",
                        run.changes(), account.id().value(), run.found(), run.calls(), run.took().toMillis());
            }
            else {
                log.debug("Reconciler: no change in account {} ({} widgets, {} calls, {} ms)", account.id().value(),
                        run.widgets(), run.calls(), run.took().toMillis());
            }
        }
        catch (CloudflareUnavailableException unavailable) {
            // While Cloudflare rate-limits the account, the adapter refuses without a
            // call.
            count("skipped");
            log.info("Reconciler: account {} skipped this time: {}", account.id().value(), unavailable.getMessage());
        }
        catch (RuntimeException failure) {
            count("failed");
            log.warn("Reconciler: account {} failed this time; it is tried again in {}", account.id().value(), interval,
                    failure);
        }
    }

}
