package com.turnstileadmin.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.AppOverHttp.User;
import com.turnstileadmin.AppOverHttp;
import com.turnstileadmin.HttpVisitor.Response;
import com.turnstileadmin.HttpVisitor;
import com.turnstileadmin.LogCapture;
import com.turnstileadmin.sandbox.SandboxServer;
import com.turnstileadmin.widget.web.WidgetForms;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A widget's whole life through the app, over real HTTP against the app on the sandbox,
 * with every logger at DEBUG (Spring's web logging and the app's own included): no secret
 * the pages showed, and not the sandbox's API token, appears in any log line, nor in the
 * error pages met on the way; and each request the sandbox received has its one line,
 * with its fields. (SecretsStayOutOfLogsTest does the same for the adapter alone,
 * failures included.)
 */
@AppOverHttp
class SecretsStayOutOfTheAppsLogsTest {

    private static final Pattern CALL_LINE = Pattern.compile("com\\.turnstileadmin\\.cloudflare\\.CallRecorder "
            + "Cloudflare call operation=(list|get|create|update|rotate_secret|delete) account=[0-9a-f]{32} "
            + "sitekey=(-|0x4AAAAAAA[\\w-]+) (status=\\d{3}|failure=[a-z_]+) outcome=[a-z_]+ duration_ms=\\d+");

    private static final Pattern SECRET = Pattern.compile("id=\"(?:secret-value|new-secret)\"[^>]*>([^<]+)<");

    @LocalServerPort
    int port;

    @Autowired
    SandboxServer sandbox;

    @Test
    void noSecretAPageShowedReachesALogLineOrAnErrorPage() {
        List<String> secrets = new ArrayList<>();
        List<Response> errorPages = new ArrayList<>();
        String widgets = "/accounts/" + sandbox.accountId().value() + "/widgets";
        long requestsBefore = sandbox.requestCount();
        try (LogCapture log = LogCapture.atDebug()) {
            HttpVisitor admin = HttpVisitor.signedIn(port, User.ADMIN);
            Response created = admin.post(widgets, WidgetForms.newWidget("Logged journey", "logs.example.com"));
            String widget = created.header("Location").replaceFirst("^https?://[^/]+", "");
            assertThat(widget).as(created.toString()).startsWith(widgets + "/0x4AAAAAAA");
            admin.get(widget);
            secrets.add(secretIn(admin.post(widget + "/secret", Map.of(), "HX-Request", "true")));
            secrets.add(secretIn(admin.post(widget + "/rotate", Map.of("invalidateImmediately", "false"))));
            // During the grace period Cloudflare refuses another rotation: a refusal, and
            // an error page each.
            errorPages.add(admin.post(widget + "/rotate", Map.of(), "HX-Request", "true"));
            errorPages.add(admin.postWithoutCsrf(widget + "/secret", Map.of()));
            errorPages.add(HttpVisitor.signedIn(port, User.VIEWER).post(widget + "/secret", Map.of()));
            Response deleted = admin.post(widget + "/delete",
                    Map.of("name", "Logged journey", "confirmation", widget.substring(widget.length() - 6)));
            assertThat(deleted.status()).as(deleted.toString()).isEqualTo(302);
            errorPages.add(admin.get(widget));

            List<String> lines = log.lines();
            // The capture must have seen the journey at DEBUG, or finding nothing in it
            // proves nothing.
            assertThat(lines).anyMatch(line -> line.startsWith("org.springframework.web") && line.contains("POST"));
            assertThat(lines)
                .anyMatch(line -> line.startsWith("com.turnstileadmin") && line.contains("operation=rotate_secret"));
            // One line per request Cloudflare (here the sandbox) received, each with its
            // fields.
            List<String> calls = lines.stream().filter(line -> line.contains("Cloudflare call ")).toList();
            assertThat(calls).hasSize((int) (sandbox.requestCount() - requestsBefore))
                .allMatch(line -> CALL_LINE.matcher(line).matches(),
                        "names its operation, account, sitekey, status, outcome and duration");
            // Secrets share their "0x4AAAAAAA" prefix with sitekeys; only the random rest
            // is secret.
            List<String> forbidden = new ArrayList<>(secrets.stream().map(secret -> secret.substring(10)).toList());
            forbidden.add(sandbox.apiToken().token());
            log.assertNoLineContainsAnyPartOf(forbidden);
        }
        assertThat(errorPages).extracting(Response::status).containsExactly(200, 403, 403, 404);
        for (Response page : errorPages) {
            for (String secret : secrets) {
                assertThat(page.body()).as(page.toString()).doesNotContain(secret.substring(10));
            }
        }
    }

    private static String secretIn(Response response) {
        Matcher secret = SECRET.matcher(response.body());
        assertThat(secret.find()).as("a secret in " + response).isTrue();
        return secret.group(1).strip();
    }

}
