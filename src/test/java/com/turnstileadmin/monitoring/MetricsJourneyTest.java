package com.turnstileadmin.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.AppOverHttp.User;
import com.turnstileadmin.AppOverHttp;
import com.turnstileadmin.HttpVisitor.Response;
import com.turnstileadmin.HttpVisitor;
import com.turnstileadmin.LogCapture;
import com.turnstileadmin.sandbox.SandboxFaults;
import com.turnstileadmin.sandbox.SandboxProperties;
import com.turnstileadmin.sandbox.SandboxServer;
import com.turnstileadmin.widget.web.WidgetForms;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The app's own metrics as Prometheus scrapes them, over real HTTP against the app on the
 * sandbox, after a small journey: a sign-in and a failed one, an audited create, a list,
 * a reveal, and an outage. Each family carries the expected tags with bounded values
 * only, no tag or value holds a secret, every request the sandbox received is one
 * observation, and a scrape is no sign-in.
 */
@AppOverHttp
class MetricsJourneyTest {

    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)\\{([^}]*)} (\\S+)$", Pattern.MULTILINE);

    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private static final Pattern SECRET = Pattern.compile("id=\"(?:secret-value|new-secret)\"[^>]*>([^<]+)<");

    @LocalServerPort
    int port;

    @Autowired
    SandboxServer sandbox;

    @Autowired
    SandboxFaults faults;

    @AfterEach
    void endTheOutage() {
        faults.set(SandboxProperties.Faults.NONE);
    }

    @Test
    void aJourneyShowsInTheFourFamiliesWithTheirTags() {
        String account = sandbox.accountId().value();
        String widgets = "/accounts/" + account + "/widgets";
        Scrape before = scrape();
        long requestsBefore = sandbox.requestCount();

        HttpVisitor stranger = new HttpVisitor(port);
        stranger.get("/login");
        assertThat(
                stranger.post("/login", Map.of("username", "admin", "password", "not the password")).header("Location"))
            .contains("error");
        HttpVisitor admin = HttpVisitor.signedIn(port, User.ADMIN);
        Response created = admin.post(widgets, WidgetForms.newWidget("Metrics journey", "metrics.example.com"));
        String widget = created.header("Location").replaceFirst("^https?://[^/]+", "");
        assertThat(widget).as(created.toString()).startsWith(widgets + "/0x4AAAAAAA");
        String secret = secretIn(admin.post(widget + "/secret", Map.of(), "HX-Request", "true"));
        assertThat(admin.get(widgets).status()).isEqualTo(200);
        faults.set(SandboxProperties.Faults.NONE.withServerErrorRate(1));
        assertThat(admin.get(widget).status()).isEqualTo(503);
        faults.set(SandboxProperties.Faults.NONE);
        Scrape after = scrape();

        assertThat(after.delta(before, "turnstile_sign_ins_total", "method", "local", "outcome", "success"))
            .isEqualTo(1);
        assertThat(after.delta(before, "turnstile_sign_ins_total", "method", "local", "outcome", "failure"))
            .isEqualTo(1);
        assertThat(after.delta(before, "turnstile_audit_writes_total", "action", "create", "result", "stored"))
            .isEqualTo(1);
        assertThat(after.delta(before, "turnstile_audit_writes_total", "action", "reveal_secret", "result", "stored"))
            .isEqualTo(1);
        assertThat(after.delta(before, "turnstile_cloudflare_calls_seconds_count", "account", account, "operation",
                "create", "outcome", "success"))
            .isEqualTo(1);
        assertThat(after.delta(before, "turnstile_cloudflare_calls_seconds_count", "account", account, "operation",
                "list", "outcome", "success"))
            .as("the list, and the create's name check")
            .isEqualTo(2);
        assertThat(after.delta(before, "turnstile_cloudflare_calls_seconds_count", "account", account, "operation",
                "get", "outcome", "server_error"))
            .as("each attempt of the retried read")
            .isEqualTo(3);
        assertThat(after.value("turnstile_widgets", "account", account))
            .isEqualTo(sandbox.widgetCount(sandbox.accountId()));
        assertThat(after.value("turnstile_cloudflare_calls_seconds_bucket", "account", account, "operation", "create",
                "outcome", "success", "le", "+Inf"))
            .as("latency buckets")
            .isPositive();
        // Each request the sandbox received is one observation, and nothing else is.
        assertThat(after.total("turnstile_cloudflare_calls_seconds_count")
                - before.total("turnstile_cloudflare_calls_seconds_count"))
            .isEqualTo(sandbox.requestCount() - requestsBefore);

        // Any part of a random secret; the passwords whole, as they are made of words a
        // metric may hold.
        assertThat(after.body())
            .doesNotContainPattern(fragmentsOf(List.of(secret.substring(10), sandbox.apiToken().token())))
            .doesNotContain(AppOverHttp.MONITORING_PASSWORD, User.ADMIN.password);
        after.assertTagValuesAreBounded(account);
    }

    @Test
    void aScrapeIsNoSignInWhateverItsPassword() {
        Scrape first = scrape();

        new HttpVisitor(port).get("/actuator/prometheus", "Authorization",
                ManagementEndpointsTest.basic("monitoring", "wrong"));
        new HttpVisitor(port).get("/actuator/info", ManagementEndpointsTest.monitoring());
        Scrape second = scrape();

        for (String outcome : List.of("success", "failure", "no_role")) {
            assertThat(second.delta(first, "turnstile_sign_ins_total", "method", "local", "outcome", outcome))
                .as(outcome)
                .isZero();
        }
    }

    private Scrape scrape() {
        Response response = new HttpVisitor(port).get("/actuator/prometheus", ManagementEndpointsTest.monitoring());
        assertThat(response.status()).isEqualTo(200);
        return new Scrape(response.body());
    }

    private static String secretIn(Response response) {
        Matcher secret = SECRET.matcher(response.body());
        assertThat(secret.find()).as("a secret in " + response).isTrue();
        return secret.group(1).strip();
    }

    /** Any 8-character run of any of the values, as one pattern. */
    private static String fragmentsOf(List<String> values) {
        return String.join("|",
                values.stream().flatMap(value -> LogCapture.fragments(value).stream()).map(Pattern::quote).toList());
    }

    /** One answer of the Prometheus endpoint. */
    private record Scrape(String body) {

        /**
         * The sample of the series with exactly these labels (name, value, name,
         * value...), or 0 without one.
         */
        double value(String metric, String... labels) {
            Map<String, String> wanted = new HashMap<>();
            for (int i = 0; i < labels.length; i += 2) {
                wanted.put(labels[i], labels[i + 1]);
            }
            return samples(metric).stream()
                .filter(sample -> sample.labels().equals(wanted))
                .mapToDouble(Sample::value)
                .findFirst()
                .orElse(0);
        }

        double delta(Scrape before, String metric, String... labels) {
            return value(metric, labels) - before.value(metric, labels);
        }

        double total(String metric) {
            return samples(metric).stream().mapToDouble(Sample::value).sum();
        }

        List<Sample> samples(String metric) {
            List<Sample> samples = new ArrayList<>();
            Matcher sample = SAMPLE.matcher(body);
            while (sample.find()) {
                if (sample.group(1).equals(metric)) {
                    Map<String, String> labels = new HashMap<>();
                    Matcher label = LABEL.matcher(sample.group(2));
                    while (label.find()) {
                        labels.put(label.group(1), label.group(2));
                    }
                    samples.add(new Sample(labels, Double.parseDouble(sample.group(3))));
                }
            }
            return samples;
        }

        /**
         * Every tag of the app's own metrics holds a configured account id or a word from
         * a fixed set.
         */
        void assertTagValuesAreBounded(String account) {
            Map<String, Set<String>> allowed = Map.of("account", Set.of(account), "operation",
                    Set.of("list", "get", "create", "update", "rotate_secret", "delete"), "outcome",
                    Set.of("success", "client_error", "rate_limited", "server_error", "unavailable", "no_role",
                            "failure"),
                    "method", Set.of("oidc", "local"), "action",
                    Set.of("create", "update", "delete", "rotate_secret", "reveal_secret"), "result",
                    Set.of("stored", "failed"),
                    // The latency buckets of application.yml.
                    "le", Set.of("0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0", "20.0", "+Inf"));
            Matcher sample = SAMPLE.matcher(body);
            int seen = 0;
            while (sample.find()) {
                if (sample.group(1).startsWith("turnstile_")) {
                    seen++;
                    Matcher label = LABEL.matcher(sample.group(2));
                    while (label.find()) {
                        assertThat(allowed).as(sample.group()).containsKey(label.group(1));
                        assertThat(allowed.get(label.group(1))).as(sample.group()).contains(label.group(2));
                    }
                }
            }
            assertThat(seen).isGreaterThan(5);
        }
    }

    private record Sample(Map<String, String> labels, double value) {
    }

}
