package com.turnstileadmin.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.account.CloudflareAccount;
import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.account.Credentials;
import com.turnstileadmin.sandbox.MutableClock;
import com.turnstileadmin.widget.CloudflareApiException;
import com.turnstileadmin.widget.CloudflareError;
import com.turnstileadmin.widget.CloudflareUnavailableException;
import com.turnstileadmin.widget.CloudflareUnavailableException.Reason;
import com.turnstileadmin.widget.ListsOnlyWidgets;
import com.turnstileadmin.widget.WidgetPage;
import com.turnstileadmin.widget.WidgetQuery;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The Cloudflare part of readiness on its own, with a clock the test moves and a
 * Cloudflare that answers as each test says: asked at most once a minute however many ask
 * at once, and what each answer makes of readiness. (ReadinessOverHttpTest asks through
 * the running app.)
 */
class CloudflareHealthIndicatorTest {

    private static final AccountId PRODUCTION = new AccountId("023e105f4ecef8ad9ca31a8372d0c353");

    private static final AccountId STAGING = new AccountId("9a7806061c88ada191ed06f989cc3dac");

    private static final String TOKEN = "Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQqnFTOFYY";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));

    private final Probes cloudflare = new Probes();

    private final CloudflareHealthIndicator readiness = new CloudflareHealthIndicator(cloudflare,
            new CloudflareAccounts(URI.create("https://api.cloudflare.com/client/v4"), List.of(
                    new CloudflareAccount(PRODUCTION, "Production", new Credentials.ApiToken(TOKEN)),
                    new CloudflareAccount(STAGING, "Staging", new Credentials.GlobalApiKey("ops@example.com", TOKEN))),
                    false),
            clock);

    private final ExecutorService probes = Executors.newFixedThreadPool(50);

    @AfterEach
    void stopProbing() {
        cloudflare.release();
        probes.shutdownNow();
    }

    @Test
    void fiftyProbesAtOnceBeforeAnyResultShareOneQuestionPerAccount() throws Exception {
        cloudflare.holdAnswers();
        List<Future<Health>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            answers.add(probes.submit(() -> readiness.health()));
        }
        // All of them are waiting for the one question in flight.
        assertThat(cloudflare.awaitQuestions(1)).isTrue();
        Thread.sleep(100);

        cloudflare.release();

        for (Future<Health> answer : answers) {
            assertThat(answer.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(Status.UP);
        }
        assertThat(cloudflare.questions(PRODUCTION)).isEqualTo(1);
        assertThat(cloudflare.questions(STAGING)).isEqualTo(1);
    }

    @Test
    void cloudflareIsAskedAgainOnlyOnceAMinuteHasPassed() {
        readiness.health();
        for (int i = 0; i < 50; i++) {
            readiness.health();
        }
        clock.advance(Duration.ofSeconds(59));
        readiness.health();
        assertThat(cloudflare.questions(PRODUCTION)).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        readiness.health();
        readiness.health();

        assertThat(cloudflare.questions(PRODUCTION)).isEqualTo(2);
    }

    @Test
    void whileOneProbeAsksTheOthersGetTheLastResultAtOnce() throws Exception {
        readiness.health();
        clock.advance(Duration.ofMinutes(2));
        cloudflare.answerWith(new CloudflareApiException("list widgets", 403, List.of()));
        cloudflare.holdAnswers();
        Future<Health> asking = probes.submit(() -> readiness.health());
        assertThat(cloudflare.awaitQuestions(3)).isTrue();

        Health meanwhile = readiness.health();

        assertThat(meanwhile.getStatus()).as("the last result, without waiting").isEqualTo(Status.UP);
        cloudflare.release();
        assertThat(asking.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(Status.DOWN);
        assertThat(readiness.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(cloudflare.questions(PRODUCTION)).isEqualTo(2);
    }

    static Stream<Arguments> answers() {
        return Stream.of(Arguments.of(null, Status.UP, "credentials accepted"),
                Arguments.of(
                        new CloudflareApiException("list widgets", 401,
                                List.of(new CloudflareError(10000, "Authentication error"))),
                        Status.DOWN, "credentials refused (HTTP 401)"),
                Arguments.of(new CloudflareApiException("list widgets", 403, List.of()), Status.DOWN,
                        "credentials refused (HTTP 403)"),
                Arguments.of(new CloudflareApiException("list widgets", 404, List.of()), Status.DOWN,
                        "list refused (HTTP 404)"),
                Arguments.of(unavailable(Reason.SERVER_ERROR, 502), Status.DOWN,
                        "unavailable: server error (HTTP 502)"),
                Arguments.of(unavailable(Reason.TIMEOUT, 0), Status.DOWN, "unavailable: timeout"),
                Arguments.of(unavailable(Reason.CONNECTION_FAILED, 0), Status.DOWN, "unavailable: connection failed"),
                Arguments.of(unavailable(Reason.INVALID_RESPONSE, 200), Status.DOWN,
                        "unavailable: invalid response (HTTP 200)"),
                Arguments.of(unavailable(Reason.RATE_LIMITED, 429), Status.UP,
                        "rate limited (HTTP 429); credentials not refused"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("answers")
    void whatCloudflaresAnswerMakesOfReadiness(@Nullable RuntimeException failure, Status expected, String answer) {
        cloudflare.answerWith(failure);

        Health health = readiness.health();

        assertThat(health.getStatus()).isEqualTo(expected);
        assertThat(health.getDetails()).containsEntry("checkedAt", clock.instant().toString());
        assertThat(health.getDetails().get("accounts"))
            .isEqualTo(Map.of(PRODUCTION.value(), Map.of("status", expected.getCode(), "answer", answer),
                    STAGING.value(), Map.of("status", expected.getCode(), "answer", answer)));
        assertThat(health.toString()).doesNotContain(TOKEN, "Authentication error");
    }

    @Test
    void oneAccountThatCannotBeUsedMakesCloudflareDown() {
        cloudflare.answerWith(STAGING, new CloudflareApiException("list widgets", 403, List.of()));

        Health health = readiness.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("accounts"))
            .isEqualTo(Map.of(PRODUCTION.value(), Map.of("status", "UP", "answer", "credentials accepted"),
                    STAGING.value(), Map.of("status", "DOWN", "answer", "credentials refused (HTTP 403)")));
    }

    private static CloudflareUnavailableException unavailable(Reason reason, int status) {
        return new CloudflareUnavailableException("list widgets", reason, status, null, null);
    }

    /**
     * Cloudflare as far as a probe sees it: counts the questions, answers as told, and
     * can hold its answers.
     */
    private static final class Probes extends ListsOnlyWidgets {

        private final Map<AccountId, AtomicInteger> questions = new ConcurrentHashMap<>();

        private final Map<AccountId, RuntimeException> failures = new ConcurrentHashMap<>();

        private final AtomicInteger asked = new AtomicInteger();

        private volatile CountDownLatch hold = new CountDownLatch(0);

        private volatile @Nullable RuntimeException failure;

        void answerWith(@Nullable RuntimeException everyAccount) {
            failure = everyAccount;
        }

        void answerWith(AccountId account, RuntimeException accountFailure) {
            failures.put(account, accountFailure);
        }

        void holdAnswers() {
            hold = new CountDownLatch(1);
        }

        void release() {
            hold.countDown();
        }

        /**
         * Waits until the questions asked so far, all accounts together, reach
         * {@code count}.
         */
        boolean awaitQuestions(int count) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (asked.get() < count) {
                if (System.nanoTime() > until) {
                    return false;
                }
                Thread.sleep(5);
            }
            return true;
        }

        int questions(AccountId account) {
            return questions.getOrDefault(account, new AtomicInteger()).get();
        }

        @Override
        public WidgetPage probe(AccountId account) {
            questions.computeIfAbsent(account, a -> new AtomicInteger()).incrementAndGet();
            asked.incrementAndGet();
            try {
                hold.await(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            RuntimeException answer = failures.getOrDefault(account, failure);
            if (answer != null) {
                throw answer;
            }
            return new WidgetPage(List.of(), 1, 5, 3);
        }

        @Override
        public WidgetPage list(AccountId account, WidgetQuery query) {
            throw new UnsupportedOperationException("readiness asks with probe() only");
        }

    }

}
