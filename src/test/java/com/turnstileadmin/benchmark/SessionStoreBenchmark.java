package com.turnstileadmin.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.TurnstileAdminApplication;
import com.turnstileadmin.audit.LocalPostgres;
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
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What keeping sessions in the database costs the list page: a read of the session on
 * every request, a write only when it changed ({@code CoarseLastAccessSessions}). Two
 * instances of the app in this JVM: sessions in H2 (in memory) and, when
 * {@link LocalPostgres} answers, in PostgreSQL. (An instance without a session store, as
 * before Spring Session was added, no longer starts: the sessions page needs the store.)
 * Their requests take turns, so that whatever else the machine does meanwhile falls on
 * both alike, and each round's difference to the H2 instance is reported as well as the
 * timings. Prints the figures; run with {@code ./mvnw test -Pbenchmark}.
 */
@Tag("benchmark")
class SessionStoreBenchmark {

    private static final int WARM_UP = 400;

    private static final int ROUNDS = 1000;

    private static final String LIST = "/accounts/5a4db0c5e1f24d7e9b3c0a6f8d2e1b47/widgets";

    /**
     * One instance of the app, its signed-in visitor, and the time of its list page in
     * each round.
     */
    private record Instance(String name, ConfigurableApplicationContext context, HttpClient http, long[] nanos) {

        static Instance start(String name, String... arguments) {
            List<String> all = new ArrayList<>(List.of(arguments));
            all.addAll(List.of("--server.port=0", "--local-sign-in.admin-password=benchmark",
                    "--logging.level.root=WARN"));
            ConfigurableApplicationContext context = new SpringApplicationBuilder(TurnstileAdminApplication.class)
                .run(all.toArray(String[]::new));
            return new Instance(name, context, HttpClient.newBuilder().cookieHandler(new CookieManager()).build(),
                    new long[ROUNDS]);
        }

        String get(String path) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(name + " " + path).isEqualTo(200);
            return response.body();
        }

        void signIn() throws IOException, InterruptedException {
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get("/login"));
            assertThat(csrf.find()).isTrue();
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=benchmark&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/"));
            assertThat(get(LIST)).contains("1–25 of");
        }

        private URI uri(String path) {
            return URI
                .create("http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort() + path);
        }
    }

    @Test
    void listPageWithSessionsInH2AndInPostgresql() throws Exception {
        String schema = LocalPostgres.reachable() ? LocalPostgres.createSchema() : null;
        List<Instance> instances = new ArrayList<>();
        try {
            instances.add(Instance.start("sessions in H2 (in memory)"));
            if (schema != null) {
                instances.add(Instance.start("sessions in PostgreSQL",
                        "--spring.datasource.url=" + LocalPostgres.urlOf(schema),
                        "--spring.datasource.username=" + LocalPostgres.USER, "--spring.datasource.password="));
            }
            for (Instance instance : instances) {
                instance.signIn();
                for (int i = 0; i < WARM_UP; i++) {
                    instance.get(LIST);
                }
            }
            for (int round = 0; round < ROUNDS; round++) {
                for (int turn = 0; turn < instances.size(); turn++) {
                    // Each round starts with another instance, so that none always
                    // follows the same one.
                    Instance instance = instances.get((round + turn) % instances.size());
                    long start = System.nanoTime();
                    instance.get(LIST);
                    instance.nanos()[round] = System.nanoTime() - start;
                }
            }
            instances.forEach(instance -> report(instance, instances.get(0)));
        }
        finally {
            instances.forEach(instance -> instance.context().close());
            if (schema != null) {
                LocalPostgres.dropSchema(schema);
            }
        }
    }

    private static void report(Instance instance, Instance onH2) {
        long[] sorted = instance.nanos().clone();
        Arrays.sort(sorted);
        long[] added = new long[ROUNDS];
        Arrays.setAll(added, round -> instance.nanos()[round] - onH2.nanos()[round]);
        Arrays.sort(added);
        // Printed, not logged: the figures are this benchmark's output.
        System.out.printf(Locale.ROOT,
                "list page, %-27s median %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  "
                        + "added to H2: median %+5.2f ms  (%d rounds after %d warm-up)%n",
                instance.name(), ms(sorted[ROUNDS / 2]), ms(sorted[ROUNDS * 95 / 100]), ms(sorted[ROUNDS * 99 / 100]),
                ms(added[ROUNDS / 2]), ROUNDS, WARM_UP);
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

}
