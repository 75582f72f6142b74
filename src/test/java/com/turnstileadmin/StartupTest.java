package com.turnstileadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.sandbox.SandboxServer;
import com.turnstileadmin.security.OidcProperties;
import com.turnstileadmin.widget.TurnstileWidgets;
import com.turnstileadmin.widget.WidgetQuery;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The whole application starting as an administrator would start it: on the sandbox with nothing
 * configured, on Cloudflare with the {@code CLOUDFLARE_*} environment variables, and not at all
 * with a bad setting.
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
    void blankVariablesCountAsUnsetAndAnIgnoredBaseUrlIsPointedOut(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start(Map.of("CLOUDFLARE_API_TOKEN", " ",
                "CLOUDFLARE_ACCOUNT_ID", "", "CLOUDFLARE_API_BASE_URL", "https://mock.example.com/client/v4"))) {
            assertThat(context.getBean(CloudflareAccounts.class).isSandbox()).isTrue();
            assertThat(output.getOut()).contains("CLOUDFLARE_API_BASE_URL is set but ignored");
        }
    }

    @Test
    void withCloudflareVariablesItUsesCloudflareAndNoSandbox(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start(Map.of(
                "CLOUDFLARE_ACCOUNT_ID", "023e105f4ecef8ad9ca31a8372d0c353",
                "CLOUDFLARE_API_TOKEN", TOKEN,
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
            assertThat(output.getOut()).contains("Single sign-on through http://127.0.0.1:9/realms/acme as client "
                            + "turnstile-admin; roles from the claim \"realm_access.roles\"", "Local sign-in form: off")
                    .doesNotContain("generated", TOKEN);
        }
    }

    @Test
    void breakGlassWithoutALocalUserStopsStartupNamingTheSetting(CapturedOutput output) {
        assertThatThrownBy(() -> start(Map.of("OIDC_ISSUER_URI", "http://127.0.0.1:9/realms/acme",
                "OIDC_CLIENT_ID", "turnstile-admin", "LOCAL_SIGN_IN_ENABLED", "true")))
                .isInstanceOf(RuntimeException.class);

        assertThat(output.getOut() + output.getErr()).contains("Invalid setting: LOCAL_SIGN_IN_ENABLED "
                + "(local-sign-in.enabled) is true, but no local user is configured");
    }

    /**
     * Starts the app with the given variables standing in for the process environment, as the web
     * application it is (its sign-in needs the servlet stack), on a free port.
     */
    private static ConfigurableApplicationContext start(Map<String, Object> environmentVariables) {
        Map<String, Object> variables = new HashMap<>(environmentVariables);
        variables.putIfAbsent("SERVER_PORT", "0");
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        variables));
        return new SpringApplicationBuilder(TurnstileAdminApplication.class)
                .environment(environment)
                .web(WebApplicationType.SERVLET)
                .run();
    }
}
