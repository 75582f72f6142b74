package com.turnstileadmin.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code docker-compose.yml}, read as Compose reads it with no {@code .env}: the
 * services, how they reach each other, and the Keycloak realm it imports, against what
 * the app is given. (Whether the realm then really signs in each demo user with the
 * expected role is {@link KeycloakSignInContract}'s.)
 */
class ComposeFileTest {

    private static final Path ENV_EXAMPLE = Path.of(".env.example");

    private final ComposeFile compose = ComposeFile.read();

    private final Map<String, String> app = compose.environment("app");

    private final Map<String, String> keycloak = compose.environment("keycloak");

    private final RealmFile realm = RealmFile.of(compose);

    @Test
    void theAppRunsNextToPostgresqlAndKeycloakEachPublishedWhereTheReadmeSays() {
        assertThat(compose.services()).containsExactlyInAnyOrder("app", "db", "keycloak");
        // Bound to the loopback address: the demo users' passwords are public, and with a
        // real
        // Cloudflare account in .env anyone on the network could otherwise sign in as the
        // demo admin.
        assertThat(compose.ports("app")).containsExactly("127.0.0.1:8080:8080");
        assertThat(compose.ports("keycloak")).containsExactly("127.0.0.1:8180:8080");
        assertThat(compose.ports("db")).as("the database is reached inside the compose network only").isEmpty();
        assertThat(compose.service("app")).containsEntry("build", ".");
        assertThat(compose.service("keycloak")).containsEntry("image", "quay.io/keycloak/keycloak:26.7.3")
            .containsEntry("command", List.of("start-dev", "--import-realm"));
    }

    @Test
    void theAppStartsOnceTheDatabaseIsHealthyWithinHalfAGigabyte() {
        Map<String, Object> dependsOn = ComposeFile.map(compose.service("app").get("depends_on"), "app.depends_on");
        assertThat(ComposeFile.map(dependsOn.get("db"), "app.depends_on.db")).containsEntry("condition",
                "service_healthy");
        Map<String, Object> limits = ComposeFile.map(ComposeFile
            .map(ComposeFile.map(compose.service("app").get("deploy"), "app.deploy").get("resources"), "resources")
            .get("limits"), "limits");
        assertThat(limits).containsEntry("memory", "512M");
    }

    @Test
    void theDatabaseKeepsItsDataInANamedVolumeAndSaysWhenItIsReady() {
        assertThat(compose.section("volumes")).containsKey("db-data");
        assertThat(compose.volumes("db")).containsExactly("db-data:/var/lib/postgresql/data");
        assertThat(compose.healthcheck("db")).containsExactly("CMD", "pg_isready", "--username=turnstile",
                "--dbname=turnstile");
        Map<String, String> db = compose.environment("db");
        assertThat(app).containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://db:5432/" + db.get("POSTGRES_DB"))
            .containsEntry("SPRING_DATASOURCE_USERNAME", db.get("POSTGRES_USER"))
            .containsEntry("SPRING_DATASOURCE_PASSWORD", db.get("POSTGRES_PASSWORD"));
    }

    /**
     * The image has no curl; bash alone asks Keycloak's management port (the command is
     * run for real by the ITs).
     */
    @Test
    void keycloakSaysWhenItIsReadyWithoutCurl() {
        List<String> healthcheck = compose.healthcheck("keycloak");
        assertThat(healthcheck.subList(0, 3)).containsExactly("CMD", "bash", "-c");
        assertThat(healthcheck.get(3)).contains("/dev/tcp/127.0.0.1/9000", "GET /health/ready ")
            .doesNotContain("curl", "wget");
        assertThat(keycloak).containsEntry("KC_HEALTH_ENABLED", "true");
    }

    /**
     * Browsers reach Keycloak at its published port on localhost, the app at its service
     * name on the compose network; Keycloak names the browsers' address as issuer to
     * both.
     */
    @Test
    void theAppReadsKeycloaksDiscoveryDocumentInsideTheNetworkAndExpectsTheIssuerBrowsersSee() {
        URI issuer = URI.create(app.get("OIDC_ISSUER_URI"));
        assertThat(issuer.getScheme() + "://" + issuer.getHost() + ":" + issuer.getPort())
            .isEqualTo("http://localhost:" + compose.publishedPort("keycloak", 8080))
            .isEqualTo(keycloak.get("KC_HOSTNAME"));
        assertThat(keycloak).containsEntry("KC_HOSTNAME_BACKCHANNEL_DYNAMIC", "true");
        assertThat(app.get("OIDC_DISCOVERY_URI"))
            .isEqualTo("http://keycloak:8080" + issuer.getPath() + "/.well-known/openid-configuration");
        assertThat(issuer.getPath()).isEqualTo("/realms/" + realm.json().path("realm").asString());
        assertThat(realm.json().path("enabled").asBoolean()).isTrue();
    }

    @Test
    void theRealmFileIsMountedReadOnlyIntoKeycloaksImportDirectory() {
        assertThat(compose.volumes("keycloak"))
            .contains("./" + realm.path() + ":" + RealmFile.IMPORT_DIRECTORY + realm.path().getFileName() + ":ro");
        assertThat(realm.path()).isRegularFile();
    }

    @Test
    void theAppsClientIsConfidentialWithTheSecretTheAppGetsAndTheStandardFlowWithPkceOnly() {
        JsonNode client = realm.client(app.get("OIDC_CLIENT_ID"));

        assertThat(client.path("enabled").asBoolean()).isTrue();
        assertThat(client.path("publicClient").asBoolean()).isFalse();
        assertThat(client.path("secret").asString()).isEqualTo(app.get("OIDC_CLIENT_SECRET")).isNotBlank();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(client.path("implicitFlowEnabled").asBoolean(true)).isFalse();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean(true)).isFalse();
        assertThat(client.path("serviceAccountsEnabled").asBoolean(true)).isFalse();
        assertThat(client.path("attributes").path("pkce.code.challenge.method").asString()).isEqualTo("S256");
    }

    /**
     * The app's redirect URI is {@code <its address>/login/oauth2/code/oidc}; it signs
     * out to {@code /login?signed-out}.
     */
    @Test
    void theClientSendsUsersBackToTheAppAndOnlyThere() {
        JsonNode client = realm.client(app.get("OIDC_CLIENT_ID"));
        String appOrigin = "http://localhost:" + compose.publishedPort("app", 8080);

        assertThat(client.path("redirectUris").valueStream().map(JsonNode::asString))
            .containsExactly(appOrigin + "/login/oauth2/code/oidc");
        assertThat(client.path("attributes").path("post.logout.redirect.uris").asString()).isEqualTo(appOrigin + "/*");
        assertThat(client.path("webOrigins").valueStream().map(JsonNode::asString)).containsExactly(appOrigin);
    }

    @Test
    void theGroupsArePutIntoTheClaimTheAppReadsByNameInEveryToken() {
        JsonNode client = realm.client(app.get("OIDC_CLIENT_ID"));
        List<JsonNode> mappers = client.path("protocolMappers")
            .valueStream()
            .filter(mapper -> mapper.path("protocolMapper").asString().equals("oidc-group-membership-mapper"))
            .toList();

        assertThat(mappers).hasSize(1);
        JsonNode config = mappers.get(0).path("config");
        assertThat(config.path("claim.name").asString()).isEqualTo(app.get("OIDC_ROLES_CLAIM"));
        assertThat(config.path("full.path").asString()).as("names, not paths such as /turnstile-admins")
            .isEqualTo("false");
        assertThat(Stream.of("id.token.claim", "access.token.claim", "userinfo.token.claim")
            .map(config::path)
            .map(JsonNode::asString)).containsOnly("true");
    }

    @Test
    void eachGroupTheAppGivesARoleExistsInTheRealm() {
        List<String> groups = realm.json()
            .path("groups")
            .valueStream()
            .map(group -> group.path("name").asString())
            .toList();

        assertThat(groups).containsExactlyInAnyOrder(app.get("OIDC_VIEWER_GROUPS"), app.get("OIDC_EDITOR_GROUPS"),
                app.get("OIDC_ADMIN_GROUPS"));
    }

    /**
     * Keycloak must never stop a demo user's sign-in to ask for a profile, a new password
     * or an e-mail check.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "none", value = { "viewer, OIDC_VIEWER_GROUPS", "editor, OIDC_EDITOR_GROUPS",
            "admin, OIDC_ADMIN_GROUPS", "nobody, none" })
    void eachDemoUserIsInTheGroupOfTheirRoleAndSignsInWithoutInterruption(String username, String groupSetting) {
        JsonNode user = realm.user(username);

        assertThat(user.path("groups").valueStream().map(JsonNode::asString))
            .containsExactlyElementsOf(groupSetting == null ? List.of() : List.of("/" + app.get(groupSetting)));
        assertThat(user.path("enabled").asBoolean()).isTrue();
        assertThat(user.path("emailVerified").asBoolean()).isTrue();
        assertThat(Stream.of("email", "firstName", "lastName").map(user::path).map(JsonNode::asString))
            .allMatch(value -> !value.isBlank());
        assertThat(user.path("requiredActions").isEmpty()).isTrue();
        JsonNode password = user.path("credentials").get(0);
        assertThat(password.path("type").asString()).isEqualTo("password");
        assertThat(password.path("temporary").asBoolean(true)).isFalse();
    }

    @Test
    void everyVariableTheComposeFileReadsIsDocumentedInEnvExampleWithItsDefault() throws IOException {
        Map<String, String> documented = documentedVariables();

        assertThat(compose.otherDollarSigns()).as("only ${VAR} and ${VAR:-default}").isEmpty();
        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(compose.variables());
        // So that copying .env.example to .env changes nothing until a value is edited.
        assertThat(documented).containsExactlyInAnyOrderEntriesOf(compose.defaults());
    }

    /** A real Cloudflare account is these two lines in .env; empty, the sandbox. */
    @Test
    void withoutAnEnvFileTheAppRunsOnTheSandboxAndTwoVariablesPutItOnCloudflare() {
        assertThat(app).containsEntry("CLOUDFLARE_ACCOUNT_ID", "").containsEntry("CLOUDFLARE_API_TOKEN", "");

        Map<String, String> onCloudflare = compose.environment("app",
                Map.of("CLOUDFLARE_ACCOUNT_ID", "023e105f4ecef8ad9ca31a8372d0c353", "CLOUDFLARE_API_TOKEN", "a-token"));
        assertThat(onCloudflare).containsEntry("CLOUDFLARE_ACCOUNT_ID", "023e105f4ecef8ad9ca31a8372d0c353")
            .containsEntry("CLOUDFLARE_API_TOKEN", "a-token");
    }

    /**
     * The variables {@code .env.example} sets and their values; each must follow a
     * comment (its own, or that of the lines it is grouped with).
     */
    private static Map<String, String> documentedVariables() throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        List<String> undocumented = new ArrayList<>();
        boolean commented = false;
        for (String line : Files.readAllLines(ENV_EXAMPLE)) {
            if (line.startsWith("#")) {
                commented = true;
            }
            else if (line.isBlank()) {
                commented = false;
            }
            else {
                String name = line.substring(0, line.indexOf('='));
                variables.put(name, line.substring(line.indexOf('=') + 1));
                if (!commented) {
                    undocumented.add(name);
                }
            }
        }
        assertThat(undocumented).as("variables in .env.example without a comment").isEmpty();
        return variables;
    }

}
