package com.turnstileadmin.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.widget.CloudflareUnavailableException;
import com.turnstileadmin.widget.CloudflareUnavailableException.Reason;
import com.turnstileadmin.widget.FakeTurnstileWidgets;
import com.turnstileadmin.widget.WidgetPage;
import com.turnstileadmin.widget.WidgetQuery;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The sharing of lists, against fakes of the port; {@code SharedListReadsOverHttpTest}
 * counts at the sandbox. {@link SharedWidgetReadsTest} shares widget reads.
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
        SlowReads slow = new SlowReads();
        SharedReads reads = new SharedReads(slow, ONE_SECOND, ticker);

        assertThat(slow.threeAtOnce(() -> reads.list(ACCOUNT, WidgetQuery.firstPage())))
            .extracting(WidgetPage::totalCount)
            .containsExactly(7, 7, 7);
        assertThat(slow.calls).hasValue(1);
    }

    @Test
    void anAnswerServesTheSameQueryForTheWindowAndNoLonger() {
        SharedReads reads = new SharedReads(cloudflare, ONE_SECOND, ticker);

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
        SharedReads reads = new SharedReads(cloudflare, ONE_SECOND, ticker);

        reads.list(ACCOUNT, WidgetQuery.firstPage());
        reads.list(ACCOUNT, WidgetQuery.firstPage().withPage(2));
        reads.list(STAGING, WidgetQuery.firstPage());

        assertThat(cloudflare.calls()).containsExactly("list", "list", "list");
    }

    @Test
    void aWriteDropsTheAccountsSharedListsAndNoOthers() {
        SharedReads reads = new SharedReads(cloudflare, ONE_SECOND, ticker);
        reads.list(ACCOUNT, WidgetQuery.firstPage());
        reads.list(STAGING, WidgetQuery.firstPage());

        reads.delete(ACCOUNT, FakeTurnstileWidgets.SHOP);

        assertThat(reads.list(ACCOUNT, WidgetQuery.firstPage()).widgets()).isEmpty();
        reads.list(STAGING, WidgetQuery.firstPage());
        assertThat(cloudflare.calls()).containsExactly("list", "list", "delete " + FakeTurnstileWidgets.SHOP, "list");
    }

    @Test
    void aFailedWriteDropsThemToo() {
        SharedReads reads = new SharedReads(cloudflare, ONE_SECOND, ticker);
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
        SharedReads reads = new SharedReads(cloudflare, ONE_SECOND, ticker);
        CloudflareUnavailableException timeout = new CloudflareUnavailableException("list widgets", Reason.TIMEOUT, 0,
                null, null);
        cloudflare.failNextCallWith(timeout);

        assertThatThrownBy(() -> reads.list(ACCOUNT, WidgetQuery.firstPage())).isSameAs(timeout);
        reads.list(ACCOUNT, WidgetQuery.firstPage());

        assertThat(cloudflare.calls()).containsExactly("list", "list");
    }

    @Test
    void aWindowOfZeroSharesNothing() {
        SharedReads reads = new SharedReads(cloudflare, new SharedReadsProperties(Duration.ZERO, 1000), ticker);

        reads.list(ACCOUNT, WidgetQuery.firstPage());
        reads.list(ACCOUNT, WidgetQuery.firstPage());

        assertThat(cloudflare.calls()).containsExactly("list", "list");
    }

    @Test
    void probesAreNeverShared() {
        SharedReads reads = new SharedReads(cloudflare, ONE_SECOND, ticker);

        reads.probe(ACCOUNT);
        reads.probe(ACCOUNT);

        assertThat(cloudflare.calls()).containsExactly("list", "list");
    }

}
