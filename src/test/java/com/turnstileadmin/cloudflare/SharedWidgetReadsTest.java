package com.turnstileadmin.cloudflare;

import static com.turnstileadmin.widget.FakeTurnstileWidgets.SHOP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.widget.CloudflareApiException;
import com.turnstileadmin.widget.CloudflareError;
import com.turnstileadmin.widget.CloudflareUnavailableException;
import com.turnstileadmin.widget.CloudflareUnavailableException.Reason;
import com.turnstileadmin.widget.FakeTurnstileWidgets;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.TestWidgets;
import com.turnstileadmin.widget.TurnstileWidgets;
import com.turnstileadmin.widget.Widget;
import com.turnstileadmin.widget.WidgetSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sharing of widget reads without their secret, against fakes of the port;
 * {@code SharedWidgetReadsOverHttpTest} counts at the sandbox.
 */
class SharedWidgetReadsTest {

    private static final AccountId ACCOUNT = new AccountId("5a4db0c5e1f24d7e9b3c0a6f8d2e1b47");

    private static final AccountId STAGING = new AccountId("9a7806061c88ada191ed06f989cc3dac");

    private static final String GET_SHOP = "get " + SHOP;

    private final AtomicLong nanos = new AtomicLong();

    private final Ticker ticker = nanos::get;

    private final FakeTurnstileWidgets cloudflare = new FakeTurnstileWidgets();

    private final SharedReads reads = new SharedReads(cloudflare,
            new SharedReadsProperties(Duration.ofSeconds(1), 1000), ticker);

    @Test
    void identicalReadsInFlightWaitForTheOneCall() throws Exception {
        SlowReads slow = new SlowReads();
        SharedReads reads = new SharedReads(slow, new SharedReadsProperties(Duration.ofSeconds(1), 1000), ticker);

        assertThat(slow.threeAtOnce(() -> reads.widget(ACCOUNT, SHOP))).extracting(Widget::name)
            .containsExactly("Slow", "Slow", "Slow");
        assertThat(slow.calls).hasValue(1);
    }

    @Test
    void anAnswerServesTheSameWidgetForTheWindowAndNoLonger() {
        reads.widget(ACCOUNT, SHOP);
        nanos.addAndGet(Duration.ofMillis(900).toNanos());
        reads.widget(ACCOUNT, SHOP);
        assertThat(cloudflare.calls()).as("within the window").containsExactly(GET_SHOP);

        nanos.addAndGet(Duration.ofMillis(200).toNanos());
        reads.widget(ACCOUNT, SHOP);
        assertThat(cloudflare.calls()).as("after it").containsExactly(GET_SHOP, GET_SHOP);
    }

    @Test
    void anotherWidgetOrAccountIsAReadOfItsOwn() {
        cloudflare.add("0x4AAAAAAAblog", "Blog");

        reads.widget(ACCOUNT, SHOP);
        reads.widget(ACCOUNT, new Sitekey("0x4AAAAAAAblog"));
        reads.widget(STAGING, SHOP);

        assertThat(cloudflare.calls()).containsExactly(GET_SHOP, "get 0x4AAAAAAAblog", GET_SHOP);
    }

    @ParameterizedTest
    @MethodSource("writes")
    void everyWriteDropsTheAccountsSharedWidgetsAndNoOthers(Consumer<TurnstileWidgets> write) {
        reads.widget(ACCOUNT, SHOP);
        reads.widget(STAGING, SHOP);

        write.accept(reads);
        reads.widget(ACCOUNT, SHOP);
        reads.widget(STAGING, SHOP);

        assertThat(cloudflare.calls()).hasSize(4).startsWith(GET_SHOP, GET_SHOP).endsWith(GET_SHOP);
    }

    static Stream<Named<Consumer<TurnstileWidgets>>> writes() {
        WidgetSettings renamed = TestWidgets.widget(SHOP.value(), "Shop renamed").settings();
        return Stream.of(Named.of("create", port -> port.create(ACCOUNT, renamed)),
                Named.of("update", port -> port.update(ACCOUNT, SHOP, renamed)),
                Named.of("rotate", port -> port.rotateSecret(ACCOUNT, SHOP, false)),
                Named.of("delete, refused",
                        port -> assertThatThrownBy(() -> port.delete(ACCOUNT, new Sitekey("0x4AAAAAAAgone")))
                            .isInstanceOf(CloudflareApiException.class)));
    }

    @Test
    void theNextReadAfterAnUpdateShowsIt() {
        reads.widget(ACCOUNT, SHOP);

        reads.update(ACCOUNT, SHOP, TestWidgets.widget(SHOP.value(), "Shop renamed").settings());

        assertThat(reads.widget(ACCOUNT, SHOP).name()).isEqualTo("Shop renamed");
    }

    @Test
    void aFailureIsThrownAsItCameAndNotKeptForTheNextRead() {
        CloudflareUnavailableException timeout = new CloudflareUnavailableException("get widget", Reason.TIMEOUT, 0,
                null, null);
        cloudflare.failNextCallWith(timeout);

        assertThatThrownBy(() -> reads.widget(ACCOUNT, SHOP)).isSameAs(timeout);
        reads.widget(ACCOUNT, SHOP);

        assertThat(cloudflare.calls()).containsExactly(GET_SHOP, GET_SHOP);
    }

    @Test
    void aRefusalIsNotKeptEither() {
        cloudflare.failNextCallWith(
                new CloudflareApiException("get widget", 404, List.of(new CloudflareError(10007, "not found"))));

        assertThatThrownBy(() -> reads.widget(ACCOUNT, SHOP)).isInstanceOf(CloudflareApiException.class);
        assertThat(reads.widget(ACCOUNT, SHOP).name()).isEqualTo("Shop checkout");
    }

    @Test
    void readsWithTheSecretAreNeverSharedNorAnsweredFromASharedRead() {
        reads.widget(ACCOUNT, SHOP);

        reads.get(ACCOUNT, SHOP);
        reads.get(ACCOUNT, SHOP);

        assertThat(cloudflare.calls()).containsExactly(GET_SHOP, GET_SHOP, GET_SHOP);
    }

    @Test
    void aWindowOfZeroSharesNothing() {
        SharedReads reads = new SharedReads(cloudflare, new SharedReadsProperties(Duration.ZERO, 1000), ticker);

        reads.widget(ACCOUNT, SHOP);
        reads.widget(ACCOUNT, SHOP);

        assertThat(cloudflare.calls()).containsExactly(GET_SHOP, GET_SHOP);
    }

}
