package com.turnstileadmin.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.TurnstileAdminApplication;
import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.audit.LocalPostgres;
import com.turnstileadmin.sandbox.SandboxFaults;
import com.turnstileadmin.sandbox.SandboxProperties;
import com.turnstileadmin.sandbox.SandboxServer;
import com.turnstileadmin.widget.TurnstileWidgets;
import com.turnstileadmin.widget.Widget;
import com.turnstileadmin.widget.WidgetQuery;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two replicas of the app with the reconciler on (every 12 s), in Cloudflare mode against
 * one sandbox and on one PostgreSQL ({@link LocalPostgres}, in a schema of this run's):
 * the account is reconciled once per interval between them, not once by each; a change
 * made outside is recorded once; and when one replica stops, the other goes on.
 */
@EnabledIf(value = "com.turnstileadmin.audit.LocalPostgres#reachable",
        disabledReason = "No PostgreSQL answers at 127.0.0.1:5432 (see LocalPostgres)")
class ReconcilerReplicasTest {

    private static final Duration INTERVAL = Duration.ofSeconds(12);

    private static String schema;

    private static SandboxServer sandbox;

    private static ConfigurableApplicationContext a;

    private static ConfigurableApplicationContext b;

    @BeforeAll
    static void startTwoReplicasOnOneDatabase() {
        schema = LocalPostgres.createSchema();
        sandbox = SandboxServer.start(new SandboxProperties(8, 0, 0, SandboxProperties.Faults.NONE, true),
                new SandboxFaults(SandboxProperties.Faults.NONE), Clock.systemUTC());
        a = replica();
        b = replica();
    }

    @AfterAll
    static void stopThem() {
        for (ConfigurableApplicationContext replica : new ConfigurableApplicationContext[] { a, b }) {
            if (replica != null) {
                replica.close();
            }
        }
        if (sandbox != null) {
            sandbox.close();
        }
        if (schema != null) {
            LocalPostgres.dropSchema(schema);
        }
    }

    @Test
    void theReplicasReconcileTheAccountOncePerIntervalRecordAChangeOnceAndHandOver() throws Exception {
        AccountId account = sandbox.accountId();
        TurnstileWidgets cloudflare = a.getBean(TurnstileWidgets.class);
        await("the baseline", () -> runs("baseline"), 1);

        // Outside the dashboard: the adapter alone, as another tool would call
        // Cloudflare.
        Widget widget = cloudflare.list(account, WidgetQuery.firstPage()).widgets().get(0);
        cloudflare.update(account, widget.sitekey(), widget.settings().withName(widget.name() + " (outside)"));
        await("the change recorded", () -> outsideEntries(widget), 1);
        long runsBefore = runs(null);
        Thread.sleep(INTERVAL.multipliedBy(3).toMillis());
        long runsInThreeIntervals = runs(null) - runsBefore;

        assertThat(outsideEntries(widget)).as("recorded once by the two").isEqualTo(1);
        assertThat(runsInThreeIntervals).as("runs of both replicas in three intervals").isBetween(2L, 4L);

        a.close();
        cloudflare = b.getBean(TurnstileWidgets.class);
        cloudflare.update(account, widget.sitekey(), widget.settings().withName(widget.name() + " (again)"));
        await("the next change, found by the replica left", () -> outsideEntries(widget), 2);
    }

    private static ConfigurableApplicationContext replica() {
        return new SpringApplicationBuilder(TurnstileAdminApplication.class).run("--server.port=0",
                // Command-line arguments win over the tests' in-memory H2.
                "--spring.datasource.url=" + LocalPostgres.urlOf(schema),
                "--spring.datasource.username=" + LocalPostgres.USER, "--spring.datasource.password=",
                "--cloudflare.api-base-url=" + sandbox.apiBaseUrl(),
                "--cloudflare.account-id=" + sandbox.accountId().value(),
                "--cloudflare.api-token=" + sandbox.apiToken().token(), "--local-sign-in.enabled=true",
                "--local-sign-in.admin-password=replicas-admin-password", "--reconciler.enabled=true",
                "--reconciler.interval=" + INTERVAL.toSeconds() + "s");
    }

    /** The reconciler's runs on both replicas still running, of one result or all. */
    private static long runs(String result) {
        long runs = 0;
        for (ConfigurableApplicationContext replica : new ConfigurableApplicationContext[] { a, b }) {
            if (replica.isActive()) {
                var search = replica.getBean(MeterRegistry.class).find("reconciler.runs");
                runs += (long) (result == null ? search : search.tag("result", result)).counters()
                    .stream()
                    .mapToDouble(counter -> counter.count())
                    .sum();
            }
        }
        return runs;
    }

    private static long outsideEntries(Widget widget) {
        Long count = b.getBean(JdbcTemplate.class)
            .queryForObject("SELECT COUNT(*) FROM audit_entry WHERE actor_kind = 'OUTSIDE' AND sitekey = ?", Long.class,
                    widget.sitekey().value());
        return count == null ? 0 : count;
    }

    /** Waits up to four intervals for {@code value} to reach {@code expected}. */
    private static void await(String what, LongSupplier value, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + INTERVAL.multipliedBy(4).toNanos();
        while (value.getAsLong() < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(value.getAsLong()).as(what).isGreaterThanOrEqualTo(expected);
    }

}
