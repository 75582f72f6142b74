package com.turnstileadmin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox driven by Cloudflare's official TypeScript SDK (npm {@code cloudflare},
 * pinned in {@code src/test/sdk/package-lock.json}), run by Node.js: what a team's script
 * gets from it is what the SDK expects of Cloudflare. The script ({@code script.mjs})
 * prints what the SDK made of each answer; this test asserts on it. Skipped where Node.js
 * or npm is missing.
 */
class SandboxSdkTest {

    private static final Path SOURCES = Path.of("src", "test", "sdk");

    private static final Path WORK = Path.of("target", "sandbox-sdk");

    private static final String TOKEN_NAME = "sdk-bench";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String token = new Keys().apiToken();

    private final SandboxServer sandbox = SandboxServer.start(
            new SandboxProperties(12, 0, 0, SandboxProperties.Faults.NONE, true).withApiToken(token, TOKEN_NAME),
            new SandboxFaults(SandboxProperties.Faults.NONE), Clock.systemUTC());

    @BeforeAll
    static void installTheSdk() throws Exception {
        Assumptions.assumeTrue(runs("node", "--version") && runs("npm", "--version"),
                "Node.js and npm are not on the PATH: the SDK-driven sandbox test needs them");
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "script.mjs")) {
            Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        // Exactly the locked version; from npm's cache when it has it, so a second run
        // needs no network.
        Result install = run(Map.of(), 300, "npm", "ci", "--prefer-offline", "--no-audit", "--no-fund");
        assertThat(install.exitCode()).as("npm ci failed:%n%s", install.stderr()).isZero();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void theOfficialSdkListsCreatesReadsUpdatesRotatesAndDeletesWidgets() throws Exception {
        JsonNode out = runTheScript();

        assertThat(out.get("list").get("count").intValue()).isEqualTo(12);
        assertThat(out.get("list").get("distinct").intValue()).isEqualTo(12);
        assertThat(out.get("list").get("anySecret").booleanValue()).isFalse();
        JsonNode created = out.get("create");
        String sitekey = created.get("sitekey").stringValue();
        String secret = created.get("secret").stringValue();
        assertThat(sitekey).matches("0x4AAAAAAA[A-Za-z0-9_-]{14}");
        assertThat(created.get("name").stringValue()).isEqualTo("made by the SDK");
        assertThat(created.get("mode").stringValue()).isEqualTo("managed");
        assertThat(out.get("get").get("sitekey").stringValue()).isEqualTo(sitekey);
        assertThat(out.get("get").get("secret").stringValue()).isEqualTo(secret);
        assertThat(out.get("update").get("name").stringValue()).isEqualTo("renamed by the SDK");
        assertThat(out.get("update").get("mode").stringValue()).isEqualTo("invisible");
        assertThat(out.get("update").get("domains").toString())
            .isEqualTo("[\"sdk.example.com\",\"www.sdk.example.com\"]");
        String rotated = out.get("rotate").get("secret").stringValue();
        assertThat(rotated).isNotEqualTo(secret).hasSize(35);
        // The second rotation falls in the first one's grace period: the SDK's typed
        // 400.
        assertThat(out.get("rotateAgain").get("error").stringValue()).isEqualTo("BadRequestError");
        assertThat(out.get("rotateAgain").get("message").stringValue()).contains("grace period");
        assertThat(out.get("delete").get("sitekey").stringValue()).isEqualTo(sitekey);
        assertThat(out.get("getDeleted").get("error").stringValue()).isEqualTo("NotFoundError");
        assertThat(out.get("getDeleted").get("status").intValue()).isEqualTo(404);
        assertThat(out.get("tokenVerify").get("id").stringValue()).isEqualTo(sandbox.fixedApiTokenId().orElseThrow());
        assertThat(out.get("tokenVerify").get("status").stringValue()).isEqualTo("active");
    }

    @Test
    void theOfficialSdkPagesThroughTheAuditLogOfItsOwnWrites() throws Exception {
        JsonNode out = runTheScript();

        JsonNode entries = out.get("auditLogs");
        assertThat(entries.isArray()).as("audit logs: %s", entries).isTrue();
        String sitekey = out.get("create").get("sitekey").stringValue();
        List<String> actions = new ArrayList<>();
        for (JsonNode entry : entries) {
            actions.add(
                    entry.get("raw").get("method").stringValue() + " " + entry.get("action").get("type").stringValue());
            assertThat(entry.get("actor").get("context").stringValue()).isEqualTo("api_token");
            assertThat(entry.get("actor").get("token_name").stringValue()).isEqualTo(TOKEN_NAME);
            assertThat(entry.get("actor").get("token_id").stringValue())
                .isEqualTo(sandbox.fixedApiTokenId().orElseThrow());
            assertThat(entry.get("actor").get("ip_address").stringValue()).isEqualTo("127.0.0.1");
            assertThat(entry.get("resource").get("id").stringValue()).isEqualTo(sitekey);
            assertThat(entry.get("resource").get("product").stringValue()).isEqualTo("turnstile");
            assertThat(entry.get("resource").get("response").get("secret").stringValue()).isEqualTo("[REDACTED]");
            assertThat(entry.get("raw").get("user_agent").stringValue()).contains("Cloudflare/JS");
            assertThat(entry.get("account").get("id").stringValue()).isEqualTo(sandbox.accountId().value());
        }
        // Oldest first, as asked; the refused second rotation is no write.
        assertThat(actions).containsExactly("POST create", "PUT update", "POST create", "DELETE delete");
        assertThat(entries.get(2).get("raw").get("uri").stringValue()).endsWith("/" + sitekey + "/rotate_secret");
        assertThat(entries.toString()).doesNotContain(out.get("create").get("secret").stringValue())
            .doesNotContain(out.get("rotate").get("secret").stringValue());
        assertThat(sandbox.auditLogCount(sandbox.accountId())).isEqualTo(4);
        JsonNode firstPage = out.get("auditLogsFirstPage");
        assertThat(firstPage.get("size").intValue()).isEqualTo(2);
        assertThat(firstPage.get("hasNextPage").booleanValue()).isTrue();
        assertThat(out.get("auditLogsBadSince").get("status").intValue()).isEqualTo(400);
    }

    private JsonNode runTheScript() throws Exception {
        Result result = run(Map.of("SANDBOX_BASE_URL", sandbox.apiBaseUrl().toString(), "SANDBOX_API_TOKEN", token,
                "SANDBOX_ACCOUNT_ID", sandbox.accountId().value()), 120, "node", "script.mjs");
        // Kept for a look at everything the SDK saw, beyond what is asserted.
        Files.writeString(WORK.resolve("last-output.json"), result.stdout());
        assertThat(result.exitCode()).as("node script.mjs failed:%n%s", result.stderr()).isZero();
        assertThat(result.stderr()).as("the SDK's warnings").isEmpty();
        return JSON.readTree(result.stdout());
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static boolean runs(String... command) {
        try {
            return run(Map.of(), 30, command).exitCode() == 0;
        }
        catch (IOException e) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Result run(Map<String, String> environment, int timeoutSeconds, String... command)
            throws IOException, InterruptedException {
        File stdout = Files.createTempFile("sandbox-sdk", ".out").toFile();
        File stderr = Files.createTempFile("sandbox-sdk", ".err").toFile();
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(WORK.toFile())
                .redirectOutput(stdout)
                .redirectError(stderr);
            if (!WORK.toFile().isDirectory()) {
                builder.directory(null);
            }
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " took over " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), Files.readString(stdout.toPath(), StandardCharsets.UTF_8),
                    Files.readString(stderr.toPath(), StandardCharsets.UTF_8));
        }
        finally {
            stdout.delete();
            stderr.delete();
        }
    }

}
