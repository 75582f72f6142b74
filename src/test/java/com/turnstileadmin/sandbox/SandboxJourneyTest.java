package com.turnstileadmin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.account.CloudflareAccount;
import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.account.Credentials;
import com.turnstileadmin.cloudflare.CloudflareClientProperties;
import com.turnstileadmin.cloudflare.CloudflareWidgetClient;
import com.turnstileadmin.widget.AllWidgets;
import com.turnstileadmin.widget.ClearanceLevel;
import com.turnstileadmin.widget.CloudflareApiException;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.TurnstileWidgets;
import com.turnstileadmin.widget.Widget;
import com.turnstileadmin.widget.WidgetFilter;
import com.turnstileadmin.widget.WidgetMode;
import com.turnstileadmin.widget.WidgetOrigin;
import com.turnstileadmin.widget.WidgetPage;
import com.turnstileadmin.widget.WidgetQuery;
import com.turnstileadmin.widget.WidgetSettings;
import com.turnstileadmin.widget.WidgetSort;
import com.turnstileadmin.widget.WidgetWithSecret;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/** The adapter against the running sandbox, over HTTP: a widget's whole life. */
class SandboxJourneyTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));

    private final SandboxServer sandbox = SandboxServer.start(
            new SandboxProperties(12, 0, 0, SandboxProperties.Faults.NONE, true),
            new SandboxFaults(SandboxProperties.Faults.NONE), clock);

    private final AccountId account = sandbox.accountId();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aWidgetsWholeLife() {
        TurnstileWidgets api = client(sandbox, sandbox.apiBaseUrl(), sandbox.apiToken());
        Journey.run(api, account, clock);
    }

    @Test
    void legacyKeyAuthWorksToo() {
        TurnstileWidgets api = client(sandbox, sandbox.apiBaseUrl(), sandbox.globalApiKey());

        assertThat(api.list(account, WidgetQuery.firstPage()).totalCount()).isEqualTo(12);
    }

    @Test
    void wrongCredentialsAreAnAuthenticationFailure() {
        TurnstileWidgets api = client(sandbox, sandbox.apiBaseUrl(), new Credentials.ApiToken("not-the-token"));

        assertThatThrownBy(() -> api.list(account, WidgetQuery.firstPage())).isInstanceOfSatisfying(
                CloudflareApiException.class, e -> assertThat(e.isAuthenticationFailure()).isTrue());
    }

    @Test
    void readingEveryPageStopsAtTheTotal() {
        TurnstileWidgets api = client(sandbox, sandbox.apiBaseUrl(), sandbox.apiToken());

        AllWidgets all = AllWidgets.read(api, account, WidgetQuery.firstPage(), 5);

        assertThat(all.complete()).isTrue();
        assertThat(all.widgets()).hasSize(12).extracting(Widget::sitekey).doesNotHaveDuplicates();
    }

    static TurnstileWidgets client(SandboxServer sandbox, URI baseUrl, Credentials credentials) {
        CloudflareAccounts accounts = new CloudflareAccounts(baseUrl,
                sandbox.accounts()
                    .stream()
                    .map(account -> new CloudflareAccount(account.id(), account.name(), credentials))
                    .toList(),
                true);
        return new CloudflareWidgetClient(WebClient.builder(), accounts,
                new CloudflareClientProperties(Duration.ofSeconds(2), Duration.ofSeconds(5),
                        new CloudflareClientProperties.Retry(2, Duration.ofMillis(20), Duration.ofMillis(100),
                                Duration.ofSeconds(2), Duration.ofSeconds(10))));
    }

    /**
     * The journey itself, shared with the contract test (which runs it through a
     * recording proxy) and the log test (which runs it with every logger at DEBUG).
     */
    static final class Journey {

        private Journey() {
        }

        /**
         * Runs the journey and returns every secret it saw, so that callers can look for
         * leaks.
         */
        static List<String> run(TurnstileWidgets api, AccountId account, MutableClock clock) {
            WidgetWithSecret created = api.create(account, WidgetSettings.of("Journey login form",
                    List.of("Journey.example.com", "203.0.113.7"), WidgetMode.MANAGED));
            Sitekey sitekey = created.widget().sitekey();
            assertThat(created.widget().name()).isEqualTo("Journey login form");
            assertThat(created.widget().settings().domains()).containsExactly("203.0.113.7", "journey.example.com");
            assertThat(created.widget().deployedVia()).isEqualTo(WidgetOrigin.API);
            assertThat(created.secret().value()).hasSize(35);

            WidgetWithSecret fetched = api.get(account, sitekey);
            assertThat(fetched.widget()).isEqualTo(created.widget());
            assertThat(fetched.secret()).isEqualTo(created.secret());

            WidgetPage filtered = api.list(account,
                    WidgetQuery.firstPage().filteredBy(WidgetFilter.nameContains("JOURNEY")));
            assertThat(filtered.widgets()).extracting(Widget::sitekey).containsExactly(sitekey);
            assertThat(filtered.totalCount()).isEqualTo(1);
            WidgetPage bySitekey = api.list(account,
                    WidgetQuery.firstPage().filteredBy(WidgetFilter.sitekeyContains(sitekey.value().substring(10))));
            assertThat(bySitekey.widgets()).extracting(Widget::sitekey).containsExactly(sitekey);

            WidgetQuery newestFirst = new WidgetQuery(1, 5, WidgetSort.descending(WidgetSort.Field.CREATED_ON), null);
            WidgetPage first = api.list(account, newestFirst);
            WidgetPage second = api.list(account, newestFirst.withPage(2));
            assertThat(first.widgets()).hasSize(5).first().extracting(Widget::sitekey).isEqualTo(sitekey);
            assertThat(first.widgets()).extracting(Widget::createdOn).isSortedAccordingTo((a, b) -> b.compareTo(a));
            assertThat(second.page()).isEqualTo(2);
            assertThat(second.widgets()).doesNotContainAnyElementsOf(first.widgets());
            assertThat(first.hasNext()).isTrue();

            clock.advance(Duration.ofMinutes(3));
            WidgetWithSecret updated = api.update(account, sitekey,
                    created.widget()
                        .settings()
                        .withName("Journey login form v2")
                        .withClearanceLevel(ClearanceLevel.JS_CHALLENGE));
            assertThat(updated.widget().name()).isEqualTo("Journey login form v2");
            assertThat(updated.widget().settings().clearanceLevel()).isEqualTo(ClearanceLevel.JS_CHALLENGE);
            assertThat(updated.widget().settings().domains()).isEqualTo(created.widget().settings().domains());
            assertThat(updated.widget().createdOn()).isEqualTo(created.widget().createdOn());
            assertThat(updated.widget().modifiedOn()).isAfter(created.widget().modifiedOn());

            WidgetWithSecret rotated = api.rotateSecret(account, sitekey, false);
            assertThat(rotated.secret()).isNotEqualTo(created.secret());

            clock.advance(Duration.ofMinutes(90));
            assertThatThrownBy(() -> api.rotateSecret(account, sitekey, false))
                .isInstanceOfSatisfying(CloudflareApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errors()).singleElement()
                        .satisfies(error -> assertThat(error.message()).contains("grace period"));
                });

            clock.advance(Duration.ofMinutes(31));
            WidgetWithSecret rotatedAgain = api.rotateSecret(account, sitekey, true);
            assertThat(rotatedAgain.secret()).isNotIn(created.secret(), rotated.secret());

            Widget deleted = api.delete(account, sitekey);
            assertThat(deleted.sitekey()).isEqualTo(sitekey);
            assertThatThrownBy(() -> api.get(account, sitekey)).isInstanceOfSatisfying(CloudflareApiException.class,
                    e -> assertThat(e.isNotFound()).isTrue());

            return List.of(created.secret().value(), rotated.secret().value(), rotatedAgain.secret().value());
        }

    }

}
