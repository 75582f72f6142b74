package com.turnstileadmin.cloudflare;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Cloudflare's answers for WireMock to give: the API reference's seed responses, and JSON
 * of a test's own.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** A seed response of Cloudflare's API reference, e.g. {@code seed-list.json}. */
    public static String fixture(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/cloudflare/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("No fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

}
