package com.turnstileadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.sandbox.SandboxFaults;
import com.turnstileadmin.sandbox.SandboxServer;
import com.turnstileadmin.security.OidcProperties;
import com.turnstileadmin.widget.TurnstileWidgets;
import com.turnstileadmin.widget.WidgetQuery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application starting as an administrator would start it: on the sandbox with
 * nothing configured, on Cloudflare with the {@code CLOUDFLARE_*} environment variables,
 * with JSON logs on request, and not at all with a bad setting.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupTest {

    private static final String TOKEN = "Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQqnFTOFYY";

    @Test
    void withNothingConfiguredItRunsOnTheSandboxAndSaysSo(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start(Map.of())) {
            CloudflareAccounts accounts = context.getBean(CloudflareAccounts.class);
            TurnstileWidgets widgets = context.getBean(TurnstileWidgets.class);

            assertThat(accounts.isSandbox()).isTrue();
            assertThat(accounts.apiBaseUrl().getHost()).isEqualTo("127.0.0.1");
            assertThat(widgets.list(accounts.first().id(), WidgetQuery.firstPage()).totalCount()).isEqualTo(40);
            assertThat(output.getOut()).contains("Sandbox mode: no Cloudflare account is configured");
        }
    }

    @Test
    void withNothingConfiguredTheGeneratedPasswordIsPrintedOnceInAFrameAfterStartedAndInNoLogLine(
            CapturedOutput output) {
        try (ConfigurableApplicationContext context = start(Map.of())) {
            String port = context.getEnvironment().getProperty("local.server.port");
            String out = output.getOut();
            Matcher block = Pattern
                .compile("\\R(=+)\\R  Turnstile Admin is ready: open (\\S+)\\R.*\\R\\R {6}(\\S+)\\R"
                        + "\\R  It changes at every start; set LOCAL_ADMIN_PASSWORD to choose one\\.\\R\\1\\R")
                .matcher(out);

            assertThat(block.find()).as(out).isTrue();
            assertThat(block.group(2)).isEqualTo("http://localhost:" + port + "/");
            String password = block.group(3);
            // Letters and digits only, so that a double click selects it whole.
            assertThat(password).matches("[A-Za-z0-9]{25}");
            assertThat(block.start()).as("after Spring's own last line")
                .isGreaterThan(out.indexOf("Started TurnstileAdminApplication"));
            assertThat(out.indexOf(password)).as("printed once").isEqualTo(out.lastIndexOf(password));
            assertThat(out.lines().filter(line -> line.contains(" WARN ") || line.contains(" INFO ")))
                .anyMatch(line -> line.contains("password was generated"))
                .noneMatch(line -> line.contains(password));
            UserDetailsService users = context.getBean(UserDetailsService.class);
            assertThat(context.getBean(PasswordEncoder.class)
                .matches(password, users.loadUserByUsername("admin").getPassword())).isTrue();
        }
    }

    @Test
    void theSandboxsSettingsComeFromTheirEnvironmentVariables() {
        try (ConfigurableApplicationContext context = start(
                Map.of("SANDBOX_DEMO_WIDGETS", "5", "SANDBOX_ENTERPRISE_DEMO_WIDGETS", "3",
                        "SANDBOX_FAULTS_RATE_LIMIT_RATE", "0.25", "LOCAL_ADMIN_PASSWORD", "startup-admin-password"))) {
            SandboxServer sandbox = context.getBean(SandboxServer.class);

            assertThat(sandbox.widgetCount(sandbox.accountId())).isEqualTo(5);
            assertThat(sandbox.widgetCount(sandbox.enterpriseAccountId())).isEqualTo(3);
            assertThat(context.getBean(SandboxFaults.class).current().rateLimitRate()).isEqualTo(0.25);
        }
    }

    @Test
    void blankVariablesCountAsUnsetAndAnIgnoredBaseUrlIsPointedOut(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start(Map.of("CLOUDFLARE_API_TOKEN", " ", "CLOUDFLARE_ACCOUNT_ID",
                "", "CLOUDFLARE_API_BASE_URL", "https://mock.example.com/client/v4"))) {
            assertThat(context.getBean(CloudflareAccounts.class).isSandbox()).isTrue();
            assertThat(output.getOut()).contains("CLOUDFLARE_API_BASE_URL is set but ignored");
        }
    }

    @Test
    void withCloudflareVariablesItUsesCloudflareAndNoSandbox(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start(
                Map.of("CLOUDFLARE_ACCOUNT_ID", "023e105f4ecef8ad9ca31a8372d0c353", "CLOUDFLARE_API_TOKEN", TOKEN,
                        "CLOUDFLARE_API_BASE_URL", "https://cloudflare-proxy.example.com/client/v4"))) {
            CloudflareAccounts accounts = context.getBean(CloudflareAccounts.class);

            assertThat(accounts.isSandbox()).isFalse();
            assertThat(accounts.apiBaseUrl()).isEqualTo(URI.create("https://cloudflare-proxy.example.com/client/v4"));
            assertThat(context.getBeansOfType(SandboxServer.class)).isEmpty();
            assertThat(output.getOut()).contains("Cloudflare mode: managing the Turnstile widgets of "
                    + "\"Cloudflare account\" (023e105f4ecef8ad9ca31a8372d0c353) through "
                    + "https://cloudflare-proxy.example.com/client/v4");
        }
    }

    @Test
    void aBadSettingStopsStartupWithOneLineNamingIt(CapturedOutput output) {
        assertThatThrownBy(() -> start(Map.of("CLOUDFLARE_ACCOUNT_ID", "my-account", "CLOUDFLARE_API_TOKEN", TOKEN)))
            .isInstanceOf(RuntimeException.class);

        assertThat(output.getOut() + output.getErr())
            .contains("Invalid setting: CLOUDFLARE_ACCOUNT_ID (cloudflare.account-id) is not a Cloudflare account "
                    + "id (expected 32 lower-case hexadecimal characters, got 10 characters)")
            .doesNotContain(TOKEN);
    }

    @Test
    void withSingleSignOnItStartsWhileTheProviderIsDownWithNoLocalUsersAndNoGeneratedPassword(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start(Map.of("OIDC_ISSUER_URI", "http://127.0.0.1:9/realms/acme",
                "OIDC_CLIENT_ID", "turnstile-admin", "OIDC_CLIENT_SECRET", TOKEN, "OIDC_ADMIN_GROUPS", "ta-admins, ops",
                "OIDC_ROLES_CLAIM", "realm_access.roles"))) {
            assertThat(context.getBeansOfType(UserDetailsService.class)).isEmpty();
            assertThat(context.getBean(OidcProperties.class).adminGroups()).containsExactly("ta-admins", "ops");
            assertThat(output.getOut())
                .contains(
                        "Single sign-on through http://127.0.0.1:9/realms/acme as client "
                                + "turnstile-admin; roles from the claim \"realm_access.roles\"",
                        "Local sign-in form: off")
                .doesNotContain("generated", TOKEN);
        }
    }

    @Test
    void breakGlassWithoutALocalUserStopsStartupNamingTheSetting(CapturedOutput output) {
        assertThatThrownBy(() -> start(Map.of("OIDC_ISSUER_URI", "http://127.0.0.1:9/realms/acme", "OIDC_CLIENT_ID",
                "turnstile-admin", "LOCAL_SIGN_IN_ENABLED", "true")))
            .isInstanceOf(RuntimeException.class);

        assertThat(output.getOut() + output.getErr()).contains("Invalid setting: LOCAL_SIGN_IN_ENABLED "
                + "(local-sign-in.enabled) is true, but no local user is configured");
    }

    @Test
    void withLoggingStructuredFormatConsoleTheLogIsJsonAndACloudflareCallsFieldsAreItsOwn(CapturedOutput output)
            throws Exception {
        String adminPassword = "json-logs-admin-password";
        String monitoringPassword = "json-logs-monitoring-password";
        try (ConfigurableApplicationContext context = start(Map.of("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs",
                "LOCAL_ADMIN_PASSWORD", adminPassword, "MONITORING_PASSWORD", monitoringPassword))) {
            List<String> accounts = context.getBean(CloudflareAccounts.class)
                .all()
                .stream()
                .map(account -> account.id().value())
                .toList();
            HttpResponse<String> readiness = HttpClient.newHttpClient()
                .send(HttpRequest
                    .newBuilder(URI.create("http://127.0.0.1:"
                            + context.getEnvironment().getProperty("local.server.port") + "/actuator/health/readiness"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.statusCode()).as("readiness asks Cloudflare (here the sandbox) once per account")
                .isEqualTo(200);
            // Other apps still running in this JVM (the cached contexts of other test
            // classes) may add a plain
            // line to the captured output now and then; the calls below must be found
            // among the JSON ones.
            List<String> lines = output.getOut().lines().filter(line -> line.startsWith("{")).toList();
            JsonMapper json = JsonMapper.builder().build();
            List<JsonNode> calls = lines.stream()
                .map(json::readTree)
                .filter(line -> line.path("message").asString().startsWith("Cloudflare call "))
                .toList();
            // The sandbox's two accounts, Free and Enterprise: one list each.
            assertThat(calls).extracting(call -> call.path("account").asString())
                .containsExactlyInAnyOrderElementsOf(accounts)
                .hasSize(2);
            for (JsonNode call : calls) {
                assertThat(call.path("log").path("level").asString()).isEqualTo("INFO");
                assertThat(call.path("operation").asString()).isEqualTo("list");
                assertThat(call.path("sitekey").asString()).isEqualTo("-");
                assertThat(call.path("status").isInt()).isTrue();
                assertThat(call.path("status").asInt()).isEqualTo(200);
                assertThat(call.path("outcome").asString()).isEqualTo("success");
                assertThat(call.path("duration_ms").isIntegralNumber()).isTrue();
            }
            String sandboxToken = context.getBean(SandboxServer.class).apiToken().token();
            assertThat(output.getOut() + output.getErr()).doesNotContain(adminPassword, monitoringPassword,
                    sandboxToken);
        }
        finally {
            // Boot hands the format to Logback as a system property, which would outlive
            // this app in the JVM.
            System.clearProperty(LoggingSystemProperty.CONSOLE_STRUCTURED_FORMAT.getEnvironmentVariableName());
        }
    }

    @Test
    void aMonitoringPasswordInTheShapeOfAHashNoEncoderReadsStopsStartupNamingTheSetting(CapturedOutput output) {
        assertThatThrownBy(() -> start(Map.of("MONITORING_PASSWORD", "{sha1}5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8",
                "LOCAL_ADMIN_PASSWORD", "startup-admin-password")))
            .isInstanceOf(RuntimeException.class);

        assertThat(output.getOut() + output.getErr())
            .contains("Invalid setting: MONITORING_PASSWORD (monitoring.password) names no known password encoder")
            .doesNotContain("5baa61e4c9b93f3f");
    }

    @Test
    void theAppDoesNotStartWithAnEmailDestinationButNoMailServerAndSaysWhy(CapturedOutput output) {
        assertThatThrownBy(() -> start(Map.of("NOTIFICATIONS_EMAIL_0_TO", "security@acme.example",
                "NOTIFICATIONS_MAIL_FROM", "turnstile@acme.example")))
            .isInstanceOf(RuntimeException.class);

        assertThat(output.getAll()).contains("Invalid setting: SPRING_MAIL_HOST (spring.mail.host) is not set, but"
                + " NOTIFICATIONS_EMAIL_0_TO is: e-mail notifications need the SMTP server to send them through");
    }

    @Test
    void theAppDoesNotStartWithABadSlackSettingAndNeverPrintsItsUrl(CapturedOutput output) {
        assertThatThrownBy(() -> start(
                Map.of("NOTIFICATIONS_SLACK_0_URL", "https://hooks.slack.com/services/T0ACME/B0NOTIFY/s3cr3tSlackT0ken",
                        "NOTIFICATIONS_SLACK_0_EVENTS", "widget.gone")))
            .isInstanceOf(RuntimeException.class);

        assertThat(output.getAll()).contains("NOTIFICATIONS_SLACK_0_EVENTS names an unknown event type")
            .doesNotContain("s3cr3tSlackT0ken");
    }

    /**
     * Starts the app with the given variables standing in for the process environment, as
     * the web application it is (its sign-in needs the servlet stack), on a free port.
     */
    private static ConfigurableApplicationContext start(Map<String, Object> environmentVariables) {
        Map<String, Object> variables = new HashMap<>(environmentVariables);
        variables.putIfAbsent("SERVER_PORT", "0");
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources()
            .replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return new SpringApplicationBuilder(TurnstileAdminApplication.class).environment(environment)
            .web(WebApplicationType.SERVLET)
            .run();
    }

}
