package com.turnstileadmin.benchmark;

import com.turnstileadmin.benchmark.MemorySampler.Memory;
import com.turnstileadmin.benchmark.Recorder.Timings;
import com.turnstileadmin.deploy.ImageApp;
import com.turnstileadmin.deploy.ModernJdk;
import com.turnstileadmin.deploy.ServerProcess;
import com.turnstileadmin.sandbox.SandboxFaults;
import com.turnstileadmin.sandbox.SandboxProperties;
import com.turnstileadmin.sandbox.SandboxServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's load benchmark: N users (default 50) at once against the packaged app, run in
 * a process of its own as its Docker image runs it (see {@link ImageApp},
 * {@link AppJvmOptions}), in Cloudflare mode against the sandbox in this JVM, which adds
 * the upstream latency (default 50 ms) and counts every call the app makes. Prints the
 * figures ({@link LoadReport}) and checks the budgets: the list page's median within 10
 * ms of the upstream's (as {@link UpstreamProbe} measures it meanwhile), exactly one
 * widget-API call per page view (two for a details view, whose health panel reads the
 * widget too: with shared reads off, as here, that read is not shared with the page's),
 * at most 350 MB resident, no error. GraphQL analytics queries are counted apart: they
 * have a limit and a budget of their own.
 *
 * <p>
 * Run with {@code ./mvnw verify -Pbenchmark} (after the package phase, by Failsafe); the
 * settings are in {@link LoadSettings}. Not part of {@code ./mvnw verify}: it takes
 * minutes, and timings on a busy machine say little.
 */
@Tag("benchmark")
class LoadBenchmark {

    private static final double LIST_OVERHEAD_BUDGET_MS = 10;

    private static final long RESIDENT_BUDGET_MB = 350;

    private static final int VIEWS_PER_KIND_COUNTED = 20;

    private static final int DEMO_WIDGETS = 40;

    /**
     * The reconciler's calls and runs, which it makes on its own schedule (on, at its
     * default interval, as in production): counted apart from the pages'.
     */
    private static final String RECONCILER_CALLS = "reconciler_calls_total";

    private static final String RECONCILER_RUNS = "reconciler_runs_total";

    @Test
    void concurrentUsersStayWithinTheBudgets() throws Exception {
        LoadSettings settings = LoadSettings.fromSystemProperties();
        Path jdk = ModernJdk.find()
            .orElseThrow(() -> new IllegalStateException(
                    "The app's image runs it on Java 25 " + "(virtual threads): the benchmark needs a JDK "
                            + ModernJdk.MINIMUM + "+ running it or under /usr/lib/jvm"));
        AppJvmOptions jvm = AppJvmOptions.of(ImageApp.imageJavaToolOptions(), settings.jvmOptions(), settings.maxRam());
        SandboxProperties.Faults latency = SandboxProperties.Faults.NONE.withLatency(settings.latency());
        String password = UUID.randomUUID().toString();
        LoadReport report;
        try (SandboxServer sandbox = SandboxServer.start(new SandboxProperties(DEMO_WIDGETS, 0, 0, latency, true),
                new SandboxFaults(latency), Clock.systemUTC());
                AppStore store = AppStore.choose(settings.store());
                RunningApp app = RunningApp.start(jdk, jvm, environment(sandbox, store, settings.users(), password));
                MemorySampler memory = new MemorySampler(app.image().pid())) {
            report = run(settings, sandbox, store, app, memory, password);
        }
        System.out.println(report.text());

        SoftAssertions budgets = new SoftAssertions();
        budgets.assertThat(report.listShareMs())
            .as("the dashboard's share of the list page's median (ms): its " + "median less the upstream's, at most "
                    + LIST_OVERHEAD_BUDGET_MS)
            .isLessThanOrEqualTo(LIST_OVERHEAD_BUDGET_MS);
        report.callsPerView()
            .forEach((kind, calls) -> budgets.assertThat(calls.widgetCalls())
                .as("widget-API calls per view of the " + kind.label())
                .isEqualTo(kind == PageKind.DETAILS && settings.analytics() ? 2.0 : 1.0));
        budgets.assertThat(report.callsUnderLoad())
            .as("widget-API calls under load, one per page view and one per health panel")
            .isEqualTo(report.pageViewsUnderLoad() + report.panelsUnderLoad());
        budgets.assertThat(report.peakUnderLoad().rssKb() / 1024)
            .as("peak resident memory under load (MB)")
            .isLessThanOrEqualTo(RESIDENT_BUDGET_MB);
        budgets.assertThat(report.errors()).as("errors; the first: " + report.firstErrors()).isZero();
        budgets.assertThat(report.upstreamFailures()).as("failed calls of the upstream probe").isZero();
        budgets.assertAll();
    }

    private static LoadReport run(LoadSettings settings, SandboxServer sandbox, AppStore store, RunningApp app,
            MemorySampler memory, String password) throws Exception {
        Memory afterStartup = memory.now();
        Recorder recorder = new Recorder();
        String listPath = "/accounts/" + sandbox.accountId().value() + "/widgets";
        ExecutorService clients = Executors.newCachedThreadPool(daemon("http-client"));
        ExecutorService people = Executors.newFixedThreadPool(settings.users(), daemon("user"));
        ScheduledExecutorService cpuReader = Executors.newSingleThreadScheduledExecutor(daemon("cpu-reader"));
        try {
            List<VirtualUser> users = new ArrayList<>();
            for (int i = 0; i < settings.users(); i++) {
                users.add(new VirtualUser(app.baseUrl(), listPath, i, recorder, clients, settings.analytics()));
            }
            long beforeSignIn = widgetCalls(sandbox);
            List<Callable<Void>> signIns = new ArrayList<>();
            for (int i = 0; i < users.size(); i++) {
                VirtualUser user = users.get(i);
                String username = username(i);
                signIns.add(() -> {
                    user.signIn(username, password);
                    return null;
                });
            }
            awaitAll(people, signIns, Duration.ofMinutes(2));
            long callsToSignIn = widgetCalls(sandbox) - beforeSignIn;

            String loadBefore = loadAverage();
            UpstreamProbe upstream = new UpstreamProbe(sandbox, recorder);
            memory.start();
            recorder.startLoad(settings.warmUp(), settings.duration());
            AppCpu cpu = new AppCpu(app.image().pid());
            Future<AppCpu.Reading> cpuAtStart = cpuReader.schedule(cpu::now, settings.warmUp().toNanos(),
                    TimeUnit.NANOSECONDS);
            Future<AppCpu.Reading> cpuAtEnd = cpuReader.schedule(cpu::now,
                    settings.warmUp().plus(settings.duration()).toNanos(), TimeUnit.NANOSECONDS);
            AppMetrics metrics = new AppMetrics(app.baseUrl(), password);
            long beforeLoad = widgetCalls(sandbox);
            long queriesBeforeLoad = sandbox.analyticsRequestCount();
            double reconcilerCallsBefore = metrics.counter(RECONCILER_CALLS);
            double reconcilerRunsBefore = metrics.counter(RECONCILER_RUNS);
            upstream.start();
            awaitAll(people, users.stream().map(user -> (Callable<Void>) () -> {
                user.run(settings.thinkTime());
                return null;
            }).toList(), settings.warmUp().plus(settings.duration()).plusMinutes(2));
            upstream.close();
            long reconcilerCalls = (long) (metrics.counter(RECONCILER_CALLS) - reconcilerCallsBefore);
            long reconcilerRuns = (long) (metrics.counter(RECONCILER_RUNS) - reconcilerRunsBefore);
            long callsUnderLoad = widgetCalls(sandbox) - beforeLoad - upstream.calls() - reconcilerCalls;
            long queriesUnderLoad = sandbox.analyticsRequestCount() - queriesBeforeLoad;
            long pageViewsUnderLoad = recorder.pageViews();
            long panelsUnderLoad = recorder.requests(PageKind.PANEL);
            Map<PageKind, LoadReport.Noticed> notices = new EnumMap<>(PageKind.class);
            for (PageKind kind : List.of(PageKind.SPARKLINES, PageKind.PANEL)) {
                notices.put(kind, new LoadReport.Noticed(recorder.notices(kind), recorder.requests(kind)));
            }
            AppCpu.Reading cpuInWindow = cpuAtEnd.get().since(cpuAtStart.get());
            Memory peak = memory.peak();
            nativeMemorySummary(app);
            String machineLoad = "load average " + loadBefore + " before the users started, " + loadAverage()
                    + " when they stopped (1 minute; the load generator and the upstream run on these cores too)";

            Map<PageKind, CallsPerView> callsPerView = callsPerViewOfEachKind(users.get(0), sandbox, metrics);
            Map<PageKind, Timings> timings = new EnumMap<>(PageKind.class);
            for (PageKind kind : PageKind.values()) {
                timings.put(kind, recorder.timings(kind));
            }
            long measuredPageViews = timings.entrySet()
                .stream()
                .filter(e -> e.getKey().pageView())
                .mapToLong(e -> e.getValue().count())
                .sum();
            return new LoadReport(settings, app.javaVersion(), app.java(), app.jvm(),
                    app.jvm().chosenSettings(app.java()), store.description(),
                    "the sandbox in the benchmark's JVM (" + DEMO_WIDGETS + " widgets) at " + sandbox.apiBaseUrl()
                            + ", the app in Cloudflare mode; log: " + app.image().logFile(),
                    upstream.timings(), upstream.failures(), app.startup(), timings, recorder.measuredRequests(),
                    measuredPageViews, recorder.errors(), recorder.firstErrors(), callsPerView, callsUnderLoad,
                    pageViewsUnderLoad, panelsUnderLoad, queriesUnderLoad, notices, reconcilerRuns, reconcilerCalls,
                    callsToSignIn, cpuInWindow, afterStartup, peak, memory.now(), machineLoad);
        }
        finally {
            people.shutdownNow();
            clients.shutdownNow();
            cpuReader.shutdownNow();
        }
    }

    /**
     * The widget-API calls and GraphQL queries of each kind of page view, counted at the
     * sandbox with one user viewing one kind at a time (under load the calls of several
     * users' views interleave). A list view includes its sparklines, a details view its
     * history and health panel; after the load, most analytics answers are cached.
     */
    private static Map<PageKind, CallsPerView> callsPerViewOfEachKind(VirtualUser user, SandboxServer sandbox,
            AppMetrics metrics) throws IOException, InterruptedException {
        Map<PageKind, Runnable> views = Map.of(PageKind.LIST, user::listView, PageKind.FRAGMENT, user::fragmentView,
                PageKind.DETAILS, user::detailsView);
        Map<PageKind, CallsPerView> calls = new EnumMap<>(PageKind.class);
        for (PageKind kind : List.of(PageKind.LIST, PageKind.FRAGMENT, PageKind.DETAILS)) {
            long before = widgetCalls(sandbox);
            long queriesBefore = sandbox.analyticsRequestCount();
            double reconcilerBefore = metrics.counter(RECONCILER_CALLS);
            for (int i = 0; i < VIEWS_PER_KIND_COUNTED; i++) {
                views.get(kind).run();
            }
            long reconciler = (long) (metrics.counter(RECONCILER_CALLS) - reconcilerBefore);
            calls.put(kind,
                    new CallsPerView((double) (widgetCalls(sandbox) - before - reconciler) / VIEWS_PER_KIND_COUNTED,
                            (double) (sandbox.analyticsRequestCount() - queriesBefore) / VIEWS_PER_KIND_COUNTED));
        }
        return calls;
    }

    /** A kind of view's widget-API calls and GraphQL analytics queries, per view. */
    record CallsPerView(double widgetCalls, double queries) {
    }

    /** The sandbox's widget-API calls: every request but the GraphQL queries. */
    private static long widgetCalls(SandboxServer sandbox) {
        return sandbox.requestCount() - sandbox.analyticsRequestCount();
    }

    /**
     * The app as its image runs it ({@link ImageApp}: the Dockerfile's extract, layers,
     * entry point and healthcheck), with the benchmark's JVM options.
     */
    private record RunningApp(ImageApp image, URI baseUrl, Path java, int javaVersion, AppJvmOptions jvm,
            Duration startup) implements AutoCloseable {

        static RunningApp start(Path jdk, AppJvmOptions jvm, Map<String, String> environment) {
            int port = ServerProcess.freePort();
            ImageApp image = new ImageApp(jdk, port, environment, jvm.options());
            long started = System.nanoTime();
            try {
                image.awaitHealthy();
            }
            catch (RuntimeException | AssertionError e) {
                image.close();
                throw e;
            }
            return new RunningApp(image, URI.create("http://127.0.0.1:" + port), ModernJdk.java(jdk),
                    ModernJdk.version(jdk), jvm, Duration.ofNanos(System.nanoTime() - started));
        }

        @Override
        public void close() {
            image.close();
        }
    }

    private static String username(int user) {
        return "user" + user;
    }

    /**
     * The app's settings: Cloudflare mode against the sandbox, the store, the sign-in
     * form's password.
     */
    private static Map<String, String> environment(SandboxServer sandbox, AppStore store, int users, String password) {
        Map<String, String> environment = new HashMap<>(store.environment());
        environment.put("CLOUDFLARE_API_BASE_URL", sandbox.apiBaseUrl().toString());
        environment.put("CLOUDFLARE_ACCOUNT_ID", sandbox.accountId().value());
        environment.put("CLOUDFLARE_API_TOKEN", sandbox.apiToken().token());
        // Each virtual user is a person of their own, an admin (whose pages load the
        // most),
        // as the per-user limits (sessions, rate-limit share) expect: 50 sessions of one
        // user would sign all but the newest 5 out.
        for (int i = 0; i < users; i++) {
            environment.put("LOCAL_SIGN_IN_USERS_" + i + "_USERNAME", username(i));
            environment.put("LOCAL_SIGN_IN_USERS_" + i + "_PASSWORD_HASH", "{noop}" + password);
            environment.put("LOCAL_SIGN_IN_USERS_" + i + "_ROLE", "admin");
        }
        // The benchmark counts one call per page view, which shared reads of the same
        // page would spare.
        environment.put("CLOUDFLARE_BUDGET_CAPACITY", "1000000");
        environment.put("CLOUDFLARE_BUDGET_PER_MINUTE", "1000000");
        environment.put("CLOUDFLARE_SHARED_READS_WINDOW", "0s");
        environment.put("MONITORING_PASSWORD", password);
        return environment;
    }

    /**
     * With {@code -XX:NativeMemoryTracking=summary} among the options, where the app's
     * memory went, by the JVM's own account (heap, classes, code, threads, GC...),
     * written next to its log: what to look at when tuning the options for the resident
     * memory budget.
     */
    private static void nativeMemorySummary(RunningApp app) throws IOException, InterruptedException {
        if (!app.jvm().options().contains("NativeMemoryTracking")) {
            return;
        }
        Path summary = app.image().logFile().resolveSibling("native-memory.txt");
        Path jcmd = app.java().resolveSibling("jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(app.image().pid()), "VM.native_memory",
                "summary")
            .redirectErrorStream(true)
            .redirectOutput(summary.toFile())
            .start();
        process.waitFor();
        System.out.println("The app's native memory summary under load: " + summary);
    }

    /** The machine's load average over the last minute. */
    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    private static void awaitAll(ExecutorService executor, List<Callable<Void>> tasks, Duration timeout)
            throws Exception {
        List<Future<Void>> running = tasks.stream().map(executor::submit).toList();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Future<Void> task : running) {
            task.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

}
