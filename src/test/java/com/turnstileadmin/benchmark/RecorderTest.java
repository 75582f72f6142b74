package com.turnstileadmin.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RecorderTest {

    private static final long MS = 1_000_000;

    @Test
    void percentilesAreTheNearestRankOfTheMeasuredAnswers() {
        Recorder recorder = new Recorder();
        recorder.startLoad(Duration.ZERO, Duration.ofMinutes(1));
        long now = System.nanoTime();
        for (int ms = 1; ms <= 200; ms++) {
            recorder.success(PageKind.LIST, now, ms * MS);
        }

        Recorder.Timings timings = recorder.timings(PageKind.LIST);

        assertThat(timings).isEqualTo(new Recorder.Timings(200, 100.0, 190.0, 198.0, 200.0));
        assertThat(recorder.timings(PageKind.DETAILS).count()).isZero();
    }

    @Test
    void answersOfTheWarmUpCountAsPageViewsButAreNotTimed() {
        Recorder recorder = new Recorder();
        recorder.startLoad(Duration.ofMinutes(1), Duration.ofMinutes(1));

        recorder.success(PageKind.LIST, System.nanoTime(), 5 * MS);
        recorder.success(PageKind.HISTORY, System.nanoTime(), 5 * MS);

        assertThat(recorder.timings(PageKind.LIST).count()).isZero();
        assertThat(recorder.measuredRequests()).isZero();
        assertThat(recorder.pageViews()).as("the history is part of the details' view").isEqualTo(1);
    }

    @Test
    void anErrorIsCountedAndShownButNeverTimed() {
        Recorder recorder = new Recorder();
        recorder.startLoad(Duration.ZERO, Duration.ofMinutes(1));

        recorder.failure(PageKind.DETAILS, "/accounts/x/widgets/y: status 502");

        assertThat(recorder.errors()).isOne();
        assertThat(recorder.firstErrors()).containsExactly("details page: /accounts/x/widgets/y: status 502");
        assertThat(recorder.timings(PageKind.DETAILS).count()).isZero();
        assertThat(recorder.pageViews()).as("a failed view may have called Cloudflare").isEqualTo(1);
    }

    @Test
    void theLoadStopsAtTheEndOfTheMeasuredWindow() {
        Recorder recorder = new Recorder();
        recorder.startLoad(Duration.ofSeconds(1), Duration.ofSeconds(2));

        assertThat(recorder.running(System.nanoTime())).isTrue();
        assertThat(recorder.running(recorder.until())).isFalse();
    }

}
