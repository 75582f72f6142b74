package com.turnstileadmin.benchmark;

import com.turnstileadmin.benchmark.MemorySampler.Memory;
import com.turnstileadmin.benchmark.Recorder.Timings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The load benchmark's figures, printed as plain lines and a Markdown table that can be
 * pasted into the README as they are.
 *
 * @param upstream the upstream's answers to the probe during the measured window
 * @param upstreamFailures probe calls that failed
 * @param callsPerView widget-API calls and GraphQL queries per page view of each kind,
 * counted one kind at a time
 * @param callsUnderLoad widget-API calls while the users ran, warm-up included
 * @param pageViewsUnderLoad page views in that time
 * @param panelsUnderLoad health panels asked for in that time, each of which reads the
 * widget
 * @param queriesUnderLoad GraphQL analytics queries in that time
 * @param notices analytics answers that said why they had no figures (the budget spent),
 * by kind
 * @param reconcilerRuns the reconciler's runs in that time, at its default interval
 * @param reconcilerCalls its widget-API calls, not counted in {@code callsUnderLoad}
 * @param callsToSignIn Cloudflare calls while the users signed in
 * @param cpuInWindow the app's CPU time in the measured window
 * @param machineLoad the machine's load average before and after the run: other work on
 * its cores slows the app as much as the load does
 */
record LoadReport(LoadSettings settings, int javaVersion, Path java, AppJvmOptions jvm, String jvmSettings,
        String store, String upstreamSetup, Timings upstream, long upstreamFailures, Duration startup,
        Map<PageKind, Timings> timings, long measuredRequests, long measuredPageViews, long errors,
        List<String> firstErrors, Map<PageKind, LoadBenchmark.CallsPerView> callsPerView, long callsUnderLoad,
        long pageViewsUnderLoad, long panelsUnderLoad, long queriesUnderLoad, Map<PageKind, Noticed> notices,
        long reconcilerRuns, long reconcilerCalls, long callsToSignIn, AppCpu.Reading cpuInWindow, Memory afterStartup,
        Memory peakUnderLoad, Memory atEnd, String machineLoad) {

    /**
     * What the dashboard adds to the list page at the median: its median less the
     * upstream's.
     */
    double listShareMs() {
        return timings.get(PageKind.LIST).p50() - upstream.p50();
    }

    double callsPerViewUnderLoad() {
        return pageViewsUnderLoad == 0 ? 0 : (double) callsUnderLoad / pageViewsUnderLoad;
    }

    String text() {
        StringBuilder out = new StringBuilder("\n=== Load benchmark ===\n");
        Duration think = settings.thinkTime();
        line(out, "%d users, think time %s, upstream latency %s, warm-up %s, measured %s", settings.users(),
                think.isZero() ? "none (a saturated machine, not what a user waits)"
                        : format("%s to %s (mean %s)", human(think.dividedBy(2)),
                                human(think.multipliedBy(3).dividedBy(2)), human(think)),
                human(settings.latency()), human(settings.warmUp()), human(settings.duration()));
        line(out, "users load the list's sparklines and the widgets' health panels: %s",
                settings.analytics() ? "yes" : "no (-Dbenchmark.analytics=false)");
        line(out, "app: Java %d (%s), JAVA_TOOL_OPTIONS=\"%s\" (%s)", javaVersion, java, jvm.options(), jvm.from());
        line(out, "     %s; up in %.1f s; %s", jvmSettings, startup.toMillis() / 1000.0, store);
        line(out, "upstream: %s", upstreamSetup);
        line(out,
                "upstream latency as a client sees it (probed 4 times a second): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms "
                        + "(%d probes, %d failed)",
                upstream.p50(), upstream.p95(), upstream.p99(), upstream.count(), upstreamFailures);
        line(out, "machine: %d cores, %s", Runtime.getRuntime().availableProcessors(), machineLoad);
        out.append('\n');
        line(out,
                "| request | answers | p50 | p95 | p99 | max | widget-API calls per view | GraphQL queries per view |");
        line(out, "|---|---|---|---|---|---|---|---|");
        timings.forEach((kind, t) -> line(out, "| %s | %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %s |", kind.label(),
                t.count(), t.p50(), t.p95(), t.p99(), t.max(),
                kind.pageView()
                        ? format("%.2f | %.2f", callsPerView.get(kind).widgetCalls(), callsPerView.get(kind).queries())
                        : format("– (part of %s view) | –", kind.partOf())));
        out.append('\n');
        double seconds = settings.duration().toMillis() / 1000.0;
        line(out, "throughput: %.1f requests/s, %.1f page views/s (measured window); errors: %d",
                measuredRequests / seconds, measuredPageViews / seconds, errors);
        firstErrors.forEach(error -> line(out, "  error: %s", error));
        line(out,
                "the dashboard's share of the list page's median: %.1f ms (%.1f ms less the upstream's %.1f ms; "
                        + "%.1f ms beyond the added latency alone)",
                listShareMs(), timings.get(PageKind.LIST).p50(), upstream.p50(),
                timings.get(PageKind.LIST).p50() - settings.latency().toMillis());
        line(out,
                "widget-API calls under load: %d for %d page views and %d health panels = %.3f per view "
                        + "(signing in %d users: %d)",
                callsUnderLoad, pageViewsUnderLoad, panelsUnderLoad, callsPerViewUnderLoad(), settings.users(),
                callsToSignIn);
        line(out,
                "GraphQL analytics queries under load: %d (%.1f a minute); answers that said why they had no "
                        + "figures (the analytics budget spent): %s sparklines, %s panels",
                queriesUnderLoad, queriesUnderLoad / (settings.warmUp().plus(settings.duration()).toMillis() / 60000.0),
                notices.get(PageKind.SPARKLINES), notices.get(PageKind.PANEL));
        line(out, "the reconciler meanwhile (on, every 60 s): %d runs, %d widget-API calls", reconcilerRuns,
                reconcilerCalls);
        double cpuSeconds = cpuInWindow.process().toMillis() / 1000.0;
        double compilerSeconds = cpuInWindow.compilers().toMillis() / 1000.0;
        line(out,
                "app CPU in the measured window: %.1f s, %.0f%% of one core, %.1f ms per request; the JIT compiler "
                        + "threads' part %.1f s, so %.1f ms per request without it",
                cpuSeconds, 100 * cpuSeconds / seconds, perRequestMs(cpuSeconds), compilerSeconds,
                perRequestMs(cpuSeconds - compilerSeconds));
        line(out,
                "resident memory: %s after start-up; peak under load %s (VmRSS sampled every 200 ms); "
                        + "VmHWM %s (the process's peak, start-up included)",
                mb(afterStartup.rssKb()), describe(peakUnderLoad), mb(atEnd.hwmKb()));
        return out.toString();
    }

    /**
     * Analytics answers of one kind that said why they had no figures, of all answered.
     */
    record Noticed(long notices, long answers) {

        @Override
        public String toString() {
            return format("%d of %d", notices, answers);
        }
    }

    private double perRequestMs(double cpuSeconds) {
        return measuredRequests == 0 ? 0 : 1000 * cpuSeconds / measuredRequests;
    }

    private static String describe(Memory memory) {
        return mb(memory.rssKb()) + " (" + mb(memory.anonKb()) + " anonymous, " + mb(memory.fileKb()) + " file)";
    }

    static String mb(long kb) {
        return format("%.0f MB", kb / 1024.0);
    }

    private static String human(Duration duration) {
        long ms = duration.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    private static void line(StringBuilder out, String format, Object... arguments) {
        out.append(format(format, arguments)).append('\n');
    }

    private static String format(String format, Object... arguments) {
        return String.format(Locale.ROOT, format, arguments);
    }
}
