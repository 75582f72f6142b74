package com.turnstileadmin.sandbox;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The built-in sandbox, which stands in for Cloudflare when no account is configured.
 *
 * @param demoWidgets how many demo widgets its Free account starts with; default 40
 * @param enterpriseDemoWidgets how many its Enterprise account starts with; default 12
 * @param port its loopback port; default 0, any free port
 * @param faults failures it injects, for tests and benchmarks; default none
 * @param analyticsPermission whether its token has "Account Analytics Read", so that
 * GraphQL analytics queries are answered; false refuses them all as Cloudflare does
 * without that permission, while the widget API still works; default true
 * @param apiToken a fixed API token the sandbox accepts besides the app's own random one,
 * so that Terraform, wrangler, SDKs or scripts can drive it as a test bench: 20 to 255
 * characters, no whitespace; default none (an empty value is none too)
 * @param apiTokenName the name of that token in the sandbox's audit logs
 * ({@code actor.token_name}); default {@code sandbox-api-token}
 */
@ConfigurationProperties("sandbox")
public record SandboxProperties(@DefaultValue("40") int demoWidgets, @DefaultValue("12") int enterpriseDemoWidgets,
        @DefaultValue("0") int port, @DefaultValue Faults faults, @DefaultValue("true") boolean analyticsPermission,
        @Nullable String apiToken, @DefaultValue(DEFAULT_API_TOKEN_NAME) String apiTokenName) {

    public static final String DEFAULT_API_TOKEN_NAME = "sandbox-api-token";

    static final int MIN_API_TOKEN_LENGTH = 20;

    static final int MAX_API_TOKEN_LENGTH = 255;

    static final int MAX_API_TOKEN_NAME_LENGTH = 120;

    @ConstructorBinding
    public SandboxProperties {
        if (demoWidgets < 0 || demoWidgets > 100_000) {
            throw new IllegalArgumentException("sandbox.demo-widgets must be 0 to 100000");
        }
        if (enterpriseDemoWidgets < 0 || enterpriseDemoWidgets > 100_000) {
            throw new IllegalArgumentException("sandbox.enterprise-demo-widgets must be 0 to 100000");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("sandbox.port must be 0 to 65535");
        }
        // docker-compose passes an unset variable on as an empty one.
        if (apiToken != null && apiToken.isEmpty()) {
            apiToken = null;
        }
        // The messages never quote the token: they end up in the start-up log.
        if (apiToken != null && (apiToken.length() < MIN_API_TOKEN_LENGTH || apiToken.length() > MAX_API_TOKEN_LENGTH
                || !apiToken.chars().allMatch(c -> c > ' ' && c < 127))) {
            throw new IllegalArgumentException("sandbox.api-token (SANDBOX_API_TOKEN) must be " + MIN_API_TOKEN_LENGTH
                    + " to " + MAX_API_TOKEN_LENGTH
                    + " printable ASCII characters without whitespace, e.g. the output of `openssl rand -hex 20`");
        }
        if (apiTokenName == null || apiTokenName.isBlank() || apiTokenName.length() > MAX_API_TOKEN_NAME_LENGTH) {
            throw new IllegalArgumentException(
                    "sandbox.api-token-name must be 1 to " + MAX_API_TOKEN_NAME_LENGTH + " characters");
        }
    }

    /** Without a fixed token: the sandbox for the app alone. */
    public SandboxProperties(int demoWidgets, int enterpriseDemoWidgets, int port, Faults faults,
            boolean analyticsPermission) {
        this(demoWidgets, enterpriseDemoWidgets, port, faults, analyticsPermission, null, DEFAULT_API_TOKEN_NAME);
    }

    /** The same settings with a fixed token, for tests that drive the sandbox with it. */
    public SandboxProperties withApiToken(String token, String name) {
        return new SandboxProperties(demoWidgets, enterpriseDemoWidgets, port, faults, analyticsPermission, token,
                name);
    }

    @Override
    public String toString() {
        return "SandboxProperties[demoWidgets=" + demoWidgets + ", enterpriseDemoWidgets=" + enterpriseDemoWidgets
                + ", port=" + port + ", faults=" + faults + ", analyticsPermission=" + analyticsPermission
                + ", apiToken=" + (apiToken == null ? "none" : "redacted") + ", apiTokenName=" + apiTokenName + "]";
    }

    /**
     * Failures the sandbox injects into its answers.
     *
     * @param latency added to every answer; default none
     * @param serverErrorRate share of requests answered with a 502 HTML page, 0 to 1;
     * default 0
     * @param rateLimitRate share of requests answered with 429 and {@code retry-after}, 0
     * to 1; default 0
     * @param retryAfter the {@code retry-after} of those 429s, in whole seconds; default
     * 1 s
     */
    public record Faults(@DefaultValue("0ms") Duration latency, @DefaultValue("0") double serverErrorRate,
            @DefaultValue("0") double rateLimitRate, @DefaultValue("1s") Duration retryAfter) {

        public static final Faults NONE = new Faults(Duration.ZERO, 0, 0, Duration.ofSeconds(1));

        public Faults {
            if (latency.isNegative() || retryAfter.isNegative()) {
                throw new IllegalArgumentException("sandbox.faults durations must not be negative");
            }
            if (serverErrorRate < 0 || serverErrorRate > 1 || rateLimitRate < 0 || rateLimitRate > 1) {
                throw new IllegalArgumentException("sandbox.faults rates are shares from 0 to 1");
            }
        }

        public Faults withLatency(Duration newLatency) {
            return new Faults(newLatency, serverErrorRate, rateLimitRate, retryAfter);
        }

        public Faults withServerErrorRate(double rate) {
            return new Faults(latency, rate, rateLimitRate, retryAfter);
        }

        public Faults withRateLimitRate(double rate, Duration newRetryAfter) {
            return new Faults(latency, serverErrorRate, rate, newRetryAfter);
        }
    }
}
