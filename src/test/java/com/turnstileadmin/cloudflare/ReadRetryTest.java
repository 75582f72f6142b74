package com.turnstileadmin.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.widget.CloudflareApiException;
import com.turnstileadmin.widget.CloudflareError;
import com.turnstileadmin.widget.CloudflareUnavailableException;
import com.turnstileadmin.widget.CloudflareUnavailableException.Reason;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReadRetryTest {

    private static final CloudflareClientProperties.Retry SETTINGS = retry(3, Duration.ofMillis(100),
            Duration.ofMillis(350), Duration.ofSeconds(10));

    // jitter 0.999… is the top of the documented [0, 1) range
    private static final double TOP_JITTER = Math.nextDown(1.0);

    @Test
    void backoffDoublesFromFirstBackoffWithoutJitter() {
        CloudflareClientProperties.Retry settings = retry(5, Duration.ofMillis(100), Duration.ofSeconds(60),
                Duration.ofSeconds(10));

        // With jitter 0 the wait is exactly half the backoff, which makes the doubling
        // visible.
        assertThat(delay(unavailable(Reason.SERVER_ERROR), 0, settings, 0.0)).isEqualTo(Duration.ofMillis(50));
        assertThat(delay(unavailable(Reason.SERVER_ERROR), 1, settings, 0.0)).isEqualTo(Duration.ofMillis(100));
        assertThat(delay(unavailable(Reason.SERVER_ERROR), 2, settings, 0.0)).isEqualTo(Duration.ofMillis(200));
        assertThat(delay(unavailable(Reason.SERVER_ERROR), 3, settings, 0.0)).isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void backoffIsCappedAtMaxBackoff() {
        // 100 ms doubled twice is 400 ms, above the 350 ms cap.
        assertThat(delay(unavailable(Reason.SERVER_ERROR), 2, SETTINGS, TOP_JITTER))
            .isLessThanOrEqualTo(Duration.ofMillis(350))
            .isGreaterThanOrEqualTo(Duration.ofMillis(349));
        assertThat(delay(unavailable(Reason.SERVER_ERROR), 2, SETTINGS, 0.0)).isEqualTo(Duration.ofMillis(175));
    }

    @Test
    void hugeRetryCountsDoNotOverflowTheBackoff() {
        CloudflareClientProperties.Retry settings = retry(10, Duration.ofDays(1), Duration.ofSeconds(2),
                Duration.ofSeconds(10));

        assertThat(delay(unavailable(Reason.SERVER_ERROR), 9, settings, 0.5)).isBetween(Duration.ofSeconds(1),
                Duration.ofSeconds(2));
    }

    @ParameterizedTest
    @ValueSource(doubles = { 0.0, 0.25, 0.5, 0.75, 0.999999 })
    void jitterKeepsTheWaitBetweenHalfAndAllOfTheBackoff(double jitter) {
        Duration wait = delay(unavailable(Reason.CONNECTION_FAILED), 1, SETTINGS, jitter);

        assertThat(wait).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void jitterSpreadsTheWaitAcrossTheRange() {
        assertThat(delay(unavailable(Reason.CONNECTION_FAILED), 1, SETTINGS, 0.0)).isEqualTo(Duration.ofMillis(100));
        assertThat(delay(unavailable(Reason.CONNECTION_FAILED), 1, SETTINGS, 0.5)).isEqualTo(Duration.ofMillis(150));
        assertThat(delay(unavailable(Reason.CONNECTION_FAILED), 1, SETTINGS, TOP_JITTER))
            .isEqualTo(Duration.ofMillis(199));
    }

    @Test
    void retryAfterIsHonouredInsteadOfTheBackoff() {
        CloudflareUnavailableException rateLimited = rateLimited(Duration.ofSeconds(3));

        assertThat(delay(rateLimited, 0, SETTINGS, 0.0)).isEqualTo(Duration.ofSeconds(3));
        assertThat(delay(rateLimited, 2, SETTINGS, TOP_JITTER)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void retryAfterOfAServerErrorIsHonouredToo() {
        CloudflareUnavailableException unavailable = new CloudflareUnavailableException("get widget",
                Reason.SERVER_ERROR, 503, Duration.ofSeconds(2), null);

        assertThat(delay(unavailable, 0, SETTINGS, 0.0)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void retryAfterOfExactlyTheMaximumIsStillHonoured() {
        assertThat(delay(rateLimited(Duration.ofSeconds(10)), 0, SETTINGS, 0.0)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void retryAfterLongerThanTheMaximumGivesUp() {
        assertThat(delay(rateLimited(Duration.ofSeconds(11)), 0, SETTINGS, 0.0)).isNull();
        assertThat(delay(rateLimited(Duration.ofMinutes(5)), 0, SETTINGS, 0.0)).isNull();
    }

    @Test
    void rateLimitWithoutRetryAfterBacksOff() {
        assertThat(delay(rateLimited(null), 0, SETTINGS, 0.0)).isEqualTo(Duration.ofMillis(50));
    }

    @ParameterizedTest
    @EnumSource(value = Reason.class, names = { "RATE_LIMITED", "SERVER_ERROR", "CONNECTION_FAILED" })
    void retryableReasonsAreRetried(Reason reason) {
        assertThat(delay(unavailable(reason), 0, SETTINGS, 0.0)).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(value = Reason.class, names = { "TIMEOUT", "INVALID_RESPONSE" })
    void timeoutsAndNonsenseAreNotRetried(Reason reason) {
        assertThat(delay(unavailable(reason), 0, SETTINGS, 0.0)).isNull();
    }

    @Test
    void refusalsAreNotRetried() {
        CloudflareApiException refused = new CloudflareApiException("get widget", 400,
                List.of(new CloudflareError(10000, "bad request")));

        assertThat(delay(refused, 0, SETTINGS, 0.0)).isNull();
    }

    @Test
    void foreignFailuresAreNotRetried() {
        assertThat(delay(new IOException("boom"), 0, SETTINGS, 0.0)).isNull();
    }

    @Test
    void stopsAfterMaxRetries() {
        assertThat(delay(unavailable(Reason.SERVER_ERROR), 2, SETTINGS, 0.0)).isNotNull();
        assertThat(delay(unavailable(Reason.SERVER_ERROR), 3, SETTINGS, 0.0)).isNull();
        assertThat(delay(rateLimited(Duration.ofSeconds(1)), 3, SETTINGS, 0.0)).isNull();
    }

    @Test
    void zeroMaxRetriesNeverRetries() {
        CloudflareClientProperties.Retry off = retry(0, Duration.ofMillis(100), Duration.ofSeconds(2),
                Duration.ofSeconds(10));

        assertThat(delay(unavailable(Reason.SERVER_ERROR), 0, off, 0.0)).isNull();
        assertThat(delay(rateLimited(Duration.ofSeconds(1)), 0, off, 0.0)).isNull();
    }

    @Test
    void retryAfterInSecondsIsRead() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        assertThat(ResponseReader.retryAfter("1", now)).isEqualTo(Duration.ofSeconds(1));
        assertThat(ResponseReader.retryAfter("300", now)).isEqualTo(Duration.ofMinutes(5));
        assertThat(ResponseReader.retryAfter(" 7 ", now)).isEqualTo(Duration.ofSeconds(7));
        assertThat(ResponseReader.retryAfter("0", now)).isEqualTo(Duration.ZERO);
    }

    @Test
    void retryAfterAsHttpDateIsTheTimeUntilThatDate() {
        Instant now = Instant.parse("2015-10-21T07:27:30Z");

        assertThat(ResponseReader.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void retryAfterDateInThePastMeansNow() {
        Instant now = Instant.parse("2015-10-21T08:00:00Z");

        assertThat(ResponseReader.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now)).isEqualTo(Duration.ZERO);
    }

    @Test
    void noRetryStartsAfterTheElapsedBudget() {
        CloudflareClientProperties.Retry settings = new CloudflareClientProperties.Retry(5, Duration.ofMillis(200),
                Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(3));

        assertThat(ReadRetry.delayBeforeRetry(unavailable(Reason.SERVER_ERROR), 0, Duration.ofMillis(2_800), settings,
                0.0))
            .isEqualTo(Duration.ofMillis(100));
        assertThat(ReadRetry.delayBeforeRetry(unavailable(Reason.SERVER_ERROR), 0, Duration.ofMillis(2_950), settings,
                0.0))
            .isNull();
        assertThat(
                ReadRetry.delayBeforeRetry(rateLimited(Duration.ofSeconds(2)), 0, Duration.ofSeconds(2), settings, 0.0))
            .isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "soon", "1.5", "-1", "-300", "", "   ", "2015-10-21T07:28:00Z",
            "Wed, 32 Oct 2015 07:28:00 GMT" })
    void unreadableOrNegativeRetryAfterIsIgnored(String header) {
        assertThat(ResponseReader.retryAfter(header, Instant.parse("2015-10-21T07:27:30Z"))).isNull();
    }

    @Test
    void missingRetryAfterIsIgnored() {
        assertThat(ResponseReader.retryAfter(null, Instant.now())).isNull();
    }

    private static @Nullable Duration delay(Throwable failure, long retriesSoFar,
            CloudflareClientProperties.Retry settings, double jitter) {
        return ReadRetry.delayBeforeRetry(failure, retriesSoFar, Duration.ZERO, settings, jitter);
    }

    private static CloudflareClientProperties.Retry retry(int maxRetries, Duration firstBackoff, Duration maxBackoff,
            Duration maxRetryAfter) {
        return new CloudflareClientProperties.Retry(maxRetries, firstBackoff, maxBackoff, maxRetryAfter,
                Duration.ofMinutes(10));
    }

    private static CloudflareUnavailableException unavailable(Reason reason) {
        int status = switch (reason) {
            case RATE_LIMITED -> 429;
            case SERVER_ERROR -> 502;
            case INVALID_RESPONSE -> 200;
            case TIMEOUT, CONNECTION_FAILED -> 0;
        };
        return new CloudflareUnavailableException("list widgets", reason, status, null, null);
    }

    private static CloudflareUnavailableException rateLimited(@Nullable Duration retryAfter) {
        return new CloudflareUnavailableException("list widgets", Reason.RATE_LIMITED, 429, retryAfter, null);
    }

}
