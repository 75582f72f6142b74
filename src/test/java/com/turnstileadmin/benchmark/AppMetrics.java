package com.turnstileadmin.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The app's own counters, read from {@code /actuator/prometheus} as the monitoring user:
 * what the benchmark cannot count at the sandbox, such as which calls were the
 * reconciler's.
 */
final class AppMetrics {

    static final String USERNAME = "monitoring";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI prometheus;

    private final String authorization;

    AppMetrics(URI baseUrl, String password) {
        this.prometheus = baseUrl.resolve("/actuator/prometheus");
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((USERNAME + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The sum of a counter over its tags, e.g. {@code reconciler_calls_total}; 0 before
     * it was first counted.
     */
    double counter(String name) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(prometheus)
            .header("Authorization", authorization)
            .timeout(Duration.ofSeconds(10))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(prometheus + " answered " + answer.statusCode());
        }
        return answer.body()
            .lines()
            .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
            .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
            .sum();
    }

}
