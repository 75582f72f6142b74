package com.turnstileadmin.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver over real HTTP (the JDK's server): it keeps every request, answers
 * as the test says, and checks signatures by the Standard Webhooks specification with an
 * implementation of its own (the JDK's HMAC), not the library the app signs with.
 */
final class WebhookReceiver implements AutoCloseable {

    /** A signing secret of the specification's form, 32 bytes. */
    static final String SECRET = "whsec_" + Base64.getEncoder()
        .encodeToString("receiver-test-signing-key-32-byt".getBytes(StandardCharsets.US_ASCII));

    private final HttpServer server;

    private final List<Received> received = new ArrayList<>();

    private volatile Function<String, Answer> answers = body -> new Answer(204, null);

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks/turnstile", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Answer answer = answers.apply(body);
            synchronized (received) {
                received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"),
                        exchange.getRequestHeaders().getFirst("Content-Type"), body, answer.status(), Instant.now()));
            }
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            exchange.sendResponseHeaders(answer.status(), -1);
            exchange.close();
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/turnstile");
    }

    /** How to answer each request, by its body. */
    void answer(Function<String, Answer> answers) {
        this.answers = answers;
    }

    /** The requests whose body holds {@code marker}, oldest first. */
    List<Received> about(String marker) {
        synchronized (received) {
            return received.stream().filter(request -> request.body().contains(marker)).toList();
        }
    }

    /** Waits up to {@code within} for the condition. */
    static void await(String what, Duration within, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    record Answer(int status, String retryAfter) {
    }

    record Received(String id, String timestamp, String signature, String contentType, String body, int answered,
            Instant at) {

        /**
         * Whether the signature is the specification's: {@code v1,} and the base64 of
         * HMAC-SHA256 over {@code id.timestamp.body} with the secret's decoded bytes, the
         * timestamp within five minutes of now.
         */
        boolean signedWith(String secret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                        "HmacSHA256"));
                String expected = "v1," + Base64.getEncoder()
                    .encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
                boolean fresh = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) < 300;
                // Several signatures may be given, separated by spaces.
                return fresh && List.of(signature.split(" "))
                    .stream()
                    .anyMatch(given -> MessageDigest.isEqual(given.getBytes(StandardCharsets.US_ASCII),
                            expected.getBytes(StandardCharsets.US_ASCII)));
            }
            catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException(e);
            }
        }

    }

}
