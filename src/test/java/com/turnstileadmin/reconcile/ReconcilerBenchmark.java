package com.turnstileadmin.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.sandbox.SandboxServer;
import com.turnstileadmin.widget.AllWidgets;
import com.turnstileadmin.widget.TurnstileWidgets;
import com.turnstileadmin.widget.Widget;
import com.turnstileadmin.widget.WidgetQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 17's figure: what a reconciler run costs for an account of 1,000 widgets, in
 * Cloudflare calls and milliseconds, against the sandbox (which answers at once: add
 * Cloudflare's latency per call) and the app's H2. Prints the first run (the baseline),
 * runs that find nothing, and a run that finds 10 changes; checks that no run makes more
 * calls than 5% of the rate limit allows at the default interval (12).
 *
 * <p>
 * Run with {@code ./mvnw test -Pbenchmark}.
 */
@Tag("benchmark")
@SpringBootTest(properties = { "sandbox.demo-widgets=1000", "logging.level.root=WARN" })
class ReconcilerBenchmark {

    private static final int QUIET_RUNS = 20;

    private static final int CHANGES = 10;

    @Autowired
    private Reconciler reconciler;

    @Autowired
    private TurnstileWidgets cloudflare;

    @Autowired
    private SandboxServer sandbox;

    @Autowired
    private ReconcilerProperties properties;

    @Test
    void aRunForAnAccountOfAThousandWidgets() {
        AccountId account = sandbox.accountId();
        Reconciler.Run baseline = reconciler.reconcile(account);
        List<Reconciler.Run> quiet = new ArrayList<>();
        for (int i = 0; i < QUIET_RUNS; i++) {
            quiet.add(reconciler.reconcile(account));
        }
        List<Widget> widgets = AllWidgets.read(cloudflare, account, WidgetQuery.firstPage(), 2).widgets();
        for (Widget widget : widgets.subList(0, CHANGES)) {
            cloudflare.update(account, widget.sitekey(), widget.settings().withName(widget.name() + " (outside)"));
        }
        Reconciler.Run changed = reconciler.reconcile(account);

        System.out.println("\n=== Reconciler, one account of " + widgets.size() + " widgets (sandbox, H2) ===");
        print("first run (the baseline)", baseline);
        quiet.sort(java.util.Comparator.comparing(Reconciler.Run::took));
        print("a run that finds nothing (median of " + QUIET_RUNS + ")", quiet.get(QUIET_RUNS / 2));
        print("a run that finds " + CHANGES + " changes", changed);
        System.out.printf(Locale.ROOT, "calls a run may make at the %s interval: %d%n", properties.interval(),
                properties.callsPerRun());

        assertThat(widgets).hasSizeGreaterThanOrEqualTo(1000);
        assertThat(changed.changes()).isEqualTo(CHANGES);
        assertThat(quiet).allSatisfy(run -> assertThat(run.changes()).isZero());
        assertThat(List.of(baseline, changed))
            .allSatisfy(run -> assertThat(run.calls()).isLessThanOrEqualTo(properties.callsPerRun()));
        assertThat(quiet).allSatisfy(run -> assertThat(run.calls()).isLessThanOrEqualTo(properties.callsPerRun()));
    }

    private static void print(String what, Reconciler.Run run) {
        System.out.printf(Locale.ROOT, "%s: %d calls (%d widgets read, complete: %s), %d ms%n", what, run.calls(),
                run.widgets(), run.complete(), run.took().toMillis());
    }

}
