package com.turnstileadmin.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.sandbox.SandboxServer;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard's own share of a page view, with the sandbox answering at once: how long
 * the list (25 rows), its htmx fragment and a details page take to render, and how many
 * Cloudflare calls each costs. Prints the figures and checks the budgets of issue 3: a
 * median under 20 ms for the list page and exactly one call per page view.
 *
 * <p>
 * Run with {@code ./mvnw test -Pbenchmark}; it is not part of {@code ./mvnw verify}, as
 * timings on a busy CI machine say little.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "local-sign-in.admin-password=benchmark", "logging.level.root=WARN" })
class ListPageBenchmark {

    private static final int WARM_UP = 300;

    private static final int MEASURED = 500;

    private static final double LIST_MEDIAN_BUDGET_MS = 20.0;

    @LocalServerPort
    int port;

    @Autowired
    SandboxServer sandbox;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void listAndDetailsPages() throws Exception {
        signIn();
        String list = "/accounts/" + sandbox.accountId().value() + "/widgets";
        String firstPage = get(list, false);
        assertThat(firstPage).contains("1–25 of");
        Matcher sitekey = Pattern.compile("widgets/([A-Za-z0-9_-]{10,32})\"").matcher(firstPage);
        assertThat(sitekey.find()).isTrue();

        Figures listPage = measure(list, false);
        Figures fragment = measure(list + "?q=e&sort=modified&dir=desc", true);
        Figures details = measure(list + "/" + sitekey.group(1), false);

        report("list page, 25 rows", listPage);
        report("list fragment (htmx)", fragment);
        report("details page", details);
        assertThat(listPage.medianMs()).as("median of the list page, ms").isLessThan(LIST_MEDIAN_BUDGET_MS);
        assertThat(listPage.callsPerView()).isEqualTo(1.0);
        assertThat(listPage.queriesPerView() + fragment.queriesPerView() + details.queriesPerView()).isZero();
        assertThat(fragment.callsPerView()).isEqualTo(1.0);
        assertThat(details.callsPerView()).isEqualTo(1.0);
    }

    /**
     * Issue 16's budgets: a widget's health panel costs one GraphQL query when its answer
     * is not cached (and the account's settings, once an hour, one more), none when it
     * is; the list's sparklines one for the whole page. Both are requests of their own,
     * after the page, which the figures above do not include.
     */
    @Test
    void analyticsAfterThePages() throws Exception {
        signIn();
        String list = "/accounts/" + sandbox.accountId().value() + "/widgets";
        Matcher found = Pattern.compile("widgets/([A-Za-z0-9_-]{10,32})\"").matcher(get(list, false));
        List<String> sitekeys = new ArrayList<>();
        while (found.find()) {
            sitekeys.add(found.group(1));
        }
        assertThat(sitekeys).hasSizeGreaterThanOrEqualTo(25);

        Cold firstOfTheHour = cold(list + "/" + sitekeys.get(0) + "/health?window=24h");
        Cold panel = cold(list + "/" + sitekeys.get(1) + "/health?window=24h");
        Cold week = cold(list + "/" + sitekeys.get(1) + "/health?window=7d");
        String trendsPath = "/accounts/" + sandbox.accountId().value() + "/analytics/trends?"
                + String.join("&", sitekeys.stream().distinct().limit(25).map(key -> "sitekey=" + key).toList());
        Cold trends = cold(trendsPath);
        Figures warmPanel = measure(list + "/" + sitekeys.get(1) + "/health?window=24h", true);
        Figures warmTrends = measure(trendsPath, true);

        report("panel, first of the hour", firstOfTheHour);
        report("panel 24 h, not cached", panel);
        report("panel 7 d, not cached", week);
        report("sparklines, 25 widgets", trends);
        report("panel 24 h, cached", warmPanel);
        report("sparklines, cached", warmTrends);
        assertThat(firstOfTheHour.queries()).as("settings and traffic").isEqualTo(2);
        assertThat(panel.queries()).isEqualTo(1);
        assertThat(week.queries()).isEqualTo(1);
        assertThat(trends.queries()).isEqualTo(1);
        assertThat(warmPanel.queriesPerView()).isZero();
        // The panel reads the widget (its hostnames): with the default shared-reads
        // window that read is the widget page's own, made a moment before; here, with
        // none, it is one of its own.
        assertThat(warmPanel.callsPerView()).isEqualTo(1.0);
        assertThat(warmTrends.queriesPerView()).isZero();
        assertThat(warmTrends.callsPerView()).isZero();
    }

    /**
     * One request whose answer is not cached: how long it took and the queries it sent.
     */
    private Cold cold(String path) throws Exception {
        long queriesBefore = sandbox.analyticsRequestCount();
        long start = System.nanoTime();
        get(path, true);
        return new Cold(ms(System.nanoTime() - start), sandbox.analyticsRequestCount() - queriesBefore);
    }

    private record Cold(double ms, long queries) {
    }

    private static void report(String what, Cold cold) {
        System.out.printf(Locale.ROOT, "%-26s %6.2f ms  GraphQL queries %d%n", what, cold.ms(), cold.queries());
    }

    /**
     * Timings of {@link #MEASURED} requests after {@link #WARM_UP}, and the sandbox calls
     * they made.
     */
    private Figures measure(String path, boolean htmx) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            get(path, htmx);
        }
        long[] nanos = new long[MEASURED];
        long callsBefore = sandbox.requestCount();
        long queriesBefore = sandbox.analyticsRequestCount();
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            get(path, htmx);
            nanos[i] = System.nanoTime() - start;
        }
        double queries = (double) (sandbox.analyticsRequestCount() - queriesBefore) / MEASURED;
        double calls = (double) (sandbox.requestCount() - callsBefore) / MEASURED - queries;
        Arrays.sort(nanos);
        return new Figures(ms(nanos[MEASURED / 2]), ms(nanos[MEASURED * 95 / 100]), ms(nanos[MEASURED * 99 / 100]),
                ms(nanos[MEASURED - 1]), calls, queries);
    }

    /**
     * @param callsPerView widget API calls
     * @param queriesPerView GraphQL Analytics queries
     */
    private record Figures(double medianMs, double p95Ms, double p99Ms, double maxMs, double callsPerView,
            double queriesPerView) {
    }

    private static void report(String what, Figures figures) {
        // Printed, not logged: the figures are this benchmark's output.
        System.out.printf(Locale.ROOT,
                "%-26s median %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %6.2f ms  "
                        + "calls per view: widget API %.2f, GraphQL %.2f  (%d requests after %d warm-up)%n",
                what, figures.medianMs(), figures.p95Ms(), figures.p99Ms(), figures.maxMs(), figures.callsPerView(),
                figures.queriesPerView(), MEASURED, WARM_UP);
    }

    private void signIn() throws IOException, InterruptedException {
        String form = get("/login", false);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).isTrue();
        String body = "username=admin&password=benchmark&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(uri("/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
            .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    }

    private String get(String path, boolean htmx) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (htmx) {
            request.header("HX-Request", "true");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

}
