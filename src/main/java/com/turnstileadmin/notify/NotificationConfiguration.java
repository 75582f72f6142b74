package com.turnstileadmin.notify;

import com.turnstileadmin.account.CloudflareAccounts;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Notifications: the destinations, the outbox written with each audit entry, and the
 * dispatcher, which every replica runs (the outbox's claims keep them apart) unless
 * {@code notifications.dispatcher.enabled} is false.
 */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    NotificationDestinations notificationDestinations(NotificationProperties properties, Clock clock,
            ObjectProvider<JavaMailSender> mail) {
        return new NotificationDestinations(properties, clock, mail.getIfAvailable());
    }

    @Bean
    Notifications notifications(Outbox outbox, NotificationDestinations destinations, Clock clock) {
        return new Notifications(outbox, destinations, clock);
    }

    @Bean
    AuditNotifications auditNotifications(Notifications notifications, CloudflareAccounts accounts,
            NotificationProperties properties) {
        return new AuditNotifications(notifications, accounts, properties.dashboardUrl());
    }

    @Bean
    NotificationDispatcher notificationDispatcher(Outbox outbox, NotificationDestinations destinations,
            NotificationProperties properties, Clock clock, MeterRegistry meters) {
        return new NotificationDispatcher(outbox, destinations, new Backoff(properties.retry(),
                properties.giveUpAfter(), () -> ThreadLocalRandom.current().nextDouble()), clock, meters);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "notifications.dispatcher.enabled", matchIfMissing = true)
    @EnableScheduling
    static class Dispatching {

        private static final Logger log = LoggerFactory.getLogger(Dispatching.class);

        private final NotificationDispatcher dispatcher;

        private final Outbox outbox;

        private final LockingTaskExecutor locks;

        private final Duration retention;

        private final Clock clock;

        Dispatching(NotificationDispatcher dispatcher, Outbox outbox, LockProvider locks,
                NotificationProperties properties, Clock clock) {
            this.dispatcher = dispatcher;
            this.outbox = outbox;
            this.locks = new DefaultLockingTaskExecutor(locks);
            this.retention = properties.retention();
            this.clock = clock;
        }

        @Scheduled(fixedDelayString = "${notifications.poll-interval:2s}",
                initialDelayString = "${notifications.poll-interval:2s}")
        void dispatch() {
            dispatcher.dispatchDue();
        }

        /** The delivery log's retention, on one replica at a time (ShedLock). */
        @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.HOURS)
        void forgetOldDeliveries() {
            locks.executeWithLock((Runnable) () -> {
                int forgotten = outbox.forget(clock.instant().minus(retention));
                if (forgotten > 0) {
                    log.info("Forgot {} notification deliveries done with more than {} ago", forgotten, retention);
                }
                // Held most of the hour, so that the other replicas' runs this hour skip
                // it.
            }, new LockConfiguration(clock.instant(), "notifications-retention", Duration.ofMinutes(55),
                    Duration.ofMinutes(50)));
        }

    }

}
