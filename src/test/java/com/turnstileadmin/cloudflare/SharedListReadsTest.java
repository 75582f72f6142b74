package com.turnstileadmin.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.widget.CloudflareUnavailableException;
import com.turnstileadmin.widget.CloudflareUnavailableException.Reason;
import com.turnstileadmin.widget.FakeTurnstileWidgets;
import com.turnstileadmin.widget.ListsOnlyWidgets;
import com.turnstileadmin.widget.WidgetPage;
import com.turnstileadmin.widget.WidgetQuery;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The sharing itself, against fakes of the port; {@code SharedListReadsOverHttpTest}
 * counts at the sandbox.
 */
class SharedListReadsTest {

    private static final AccountId ACCOUNT = new AccountId("5a4db0c5e1f24d7e9b3c0a6f8d2e1b47");

    private static final AccountId STAGING = new AccountId("9a7806061c88ada191ed06f989cc3dac");

    private static final SharedReadsProperties ONE_SECOND = new SharedReadsProperties(Duration.ofSeconds(1), 1000);

    private final AtomicLong nanos = new AtomicLong();

    private final Ticker ticker = nanos::get;

    private final FakeTurnstileWidgets cloudflare = new FakeTurnstileWidgets();

    @Test
    void identicalReadsInFlightWaitForTheOneCall() throws Exception {
        SlowList slow = new SlowList();
        SharedListReads reads = new SharedListReads(slow, ONE_SECOND, ticker);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<WidgetPage>> pages = List.of(threads.submit(() -> reads.list(ACCOUNT, WidgetQuery.firstPage())),
                    threads.submit(() -> reads.list(ACCOUNT, WidgetQuery.firstPage())),
                    threads.submit(() -> reads.list(ACCOUNT, WidgetQuery.firstPage())));
            assertThat(slow.started.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(300);
            slow.answer.countDown();

            for (Future<WidgetPage> page : pages) {
                assertThat(page.get(5, TimeUnit.SECONDS).totalCount()).isEqualTo(7);
            }
            assertThat(slow.calls).hasValue(1);
        }
        finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anAnswerServesTheSameQueryForTheWindowAndNoLonger() {
        SharedListReads reads = new SharedListReads(cloudflare, ONE_SECOND, ticker);

        reads.list(ACCOUNT, WidgetQuery.firstPage());
        nanos.addAndGet(Duration.ofMillis(900).toNanos());
        reads.list(ACCOUNT, WidgetQuery.firstPage());
        assertThat(cloudflare.calls()).as("within the window").containsExactly("list");

        nanos.addAndGet(Duration.ofMillis(200).toNanos());
        reads.list(ACCOUNT, WidgetQuery.firstPage());
        assertThat(cloudflare.calls()).as("after it").containsExactly("list", "list");
    }

    @Test
    void anotherQueryOrAccountIsAReadOfItsOwn() {
        SharedListReads reads = new SharedListReads(cloudflare, ONE_SECOND, ticker);

        reads.list(ACCOUNT, WidgetQuery.firstPage());
        reads.list(ACCOUNT, WidgetQuery.firstPage().withPage(2));
        reads.list(STAGING, WidgetQuery.firstPage());

        assertThat(cloudflare.calls()).containsExactly("list", "list", "list");
    }

    @Test
    void aWriteDropsTheAccountsSharedListsAndNoOthers() {
        SharedListReads reads = new SharedListReads(cloudflare, ONE_SECOND, ticker);
        reads.list(ACCOUNT, WidgetQuery.firstPage());
        reads.list(STAGING, WidgetQuery.firstPage());

        reads.delete(ACCOUNT, FakeTurnstileWidgets.SHOP);

        assertThat(reads.list(ACCOUNT, WidgetQuery.firstPage()).widgets()).isEmpty();
        reads.list(STAGING, WidgetQuery.firstPage());
        assertThat(cloudflare.calls()).containsExactly("list", "list", "delete " + FakeTurnstileWidgets.SHOP, "list");
    }

    @Test
    void aFailedWriteDropsThemToo() {
        SharedListReads reads = new SharedListReads(cloudflare, ONE_SECOND, ticker);
        reads.list(ACCOUNT, WidgetQuery.firstPage());
        cloudflare.failNextCallWith(new CloudflareUnavailableException("delete widget", Reason.TIMEOUT, 0, null, null)
            .withOutcomeUnknown());

        assertThatThrownBy(() -> reads.delete(ACCOUNT, FakeTurnstileWidgets.SHOP))
            .isInstanceOf(CloudflareUnavailableException.class);
        reads.list(ACCOUNT, WidgetQuery.firstPage());

        assertThat(cloudflare.calls()).containsExactly("list", "delete " + FakeTurnstileWidgets.SHOP, "list");
    }

    @Test
    void aFailureIsThrownAsItCameAndNotKeptForTheNextRead() {
        SharedListReads reads = new SharedListReads(cloudflare, ONE_SECOND, ticker);
        CloudflareUnavailableException timeout = new CloudflareUnavailableException("list widgets", Reason.TIMEOUT, 0,
                null, null);
        cloudflare.failNextCallWith(timeout);

        assertThatThrownBy(() -> reads.list(ACCOUNT, WidgetQuery.firstPage())).isSameAs(timeout);
        reads.list(ACCOUNT, WidgetQuery.firstPage());

        assertThat(cloudflare.calls()).containsExactly("list", "list");
    }

    @Test
    void aWindowOfZeroSharesNothing() {
        SharedListReads reads = new SharedListReads(cloudflare, new SharedReadsProperties(Duration.ZERO, 1000), ticker);

        reads.list(ACCOUNT, WidgetQuery.firstPage());
        reads.list(ACCOUNT, WidgetQuery.firstPage());

        assertThat(cloudflare.calls()).containsExactly("list", "list");
    }

    @Test
    void widgetReadsWithTheirSecretAndProbesAreNeverShared() {
        SharedListReads reads = new SharedListReads(cloudflare, ONE_SECOND, ticker);

        reads.get(ACCOUNT, FakeTurnstileWidgets.SHOP);
        reads.get(ACCOUNT, FakeTurnstileWidgets.SHOP);
        reads.probe(ACCOUNT);
        reads.probe(ACCOUNT);

        assertThat(cloudflare.calls()).containsExactly("get " + FakeTurnstileWidgets.SHOP,
                "get " + FakeTurnstileWidgets.SHOP, "list", "list");
    }

    /** A port whose lists answer only when the test lets them, counting the calls. */
    private static final class SlowList extends ListsOnlyWidgets {

        final CountDownLatch started = new CountDownLatch(1);

        final CountDownLatch answer = new CountDownLatch(1);

        final AtomicInteger calls = new AtomicInteger();

        @Override
        public WidgetPage list(AccountId account, WidgetQuery query) {
            calls.incrementAndGet();
            started.countDown();
            try {
                answer.await(5, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new WidgetPage(List.of(), query.page(), query.perPage(), 7);
        }

    }

}
