package com.turnstileadmin.notify;

import com.turnstileadmin.account.CloudflareAccounts;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
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

        private final NotificationDispatcher dispatcher;

        Dispatching(NotificationDispatcher dispatcher) {
            this.dispatcher = dispatcher;
        }

        @Scheduled(fixedDelayString = "${notifications.poll-interval:2s}",
                initialDelayString = "${notifications.poll-interval:2s}")
        void dispatch() {
            dispatcher.dispatchDue();
        }

    }

}
