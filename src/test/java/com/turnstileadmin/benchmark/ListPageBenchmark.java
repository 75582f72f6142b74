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
import java.util.Arrays;
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
        assertThat(fragment.callsPerView()).isEqualTo(1.0);
        assertThat(details.callsPerView()).isEqualTo(1.0);
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
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            get(path, htmx);
            nanos[i] = System.nanoTime() - start;
        }
        double calls = (double) (sandbox.requestCount() - callsBefore) / MEASURED;
        Arrays.sort(nanos);
        return new Figures(ms(nanos[MEASURED / 2]), ms(nanos[MEASURED * 95 / 100]), ms(nanos[MEASURED * 99 / 100]),
                ms(nanos[MEASURED - 1]), calls);
    }

    private record Figures(double medianMs, double p95Ms, double p99Ms, double maxMs, double callsPerView) {
    }

    private static void report(String what, Figures figures) {
        // Printed, not logged: the figures are this benchmark's output.
        System.out.printf(Locale.ROOT,
                "%-22s median %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %6.2f ms  "
                        + "Cloudflare calls per view %.2f  (%d requests after %d warm-up)%n",
                what, figures.medianMs(), figures.p95Ms(), figures.p99Ms(), figures.maxMs(), figures.callsPerView(),
                MEASURED, WARM_UP);
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
