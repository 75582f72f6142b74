package com.turnstileadmin.widget.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.time.ShownTime;
import com.turnstileadmin.time.Times;
import com.turnstileadmin.widget.TestLabels;
import com.turnstileadmin.widget.TestWidgets;
import com.turnstileadmin.widget.Widget;
import com.turnstileadmin.widget.WidgetSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class WidgetRowTest {

    private static final Instant NOW = Instant.parse("2025-03-12T10:00:00Z");

    private static final AccountId ACCOUNT = new AccountId("023e105f4ecef8ad9ca31a8372d0c353");

    private final Times times = new Times(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aRowShowsTheWidgetsSettingsLinksToItsDetailsAndSaysWhenItWasCreatedAndChanged() {
        WidgetSettings settings = TestWidgets.settings();
        Widget widget = TestWidgets.widget(settings, NOW.minusSeconds(3 * 3600));

        WidgetRow row = WidgetRow.of(widget, ACCOUNT, times, TestLabels.real());

        assertThat(row.name()).isEqualTo("Shop");
        assertThat(row.href()).isEqualTo("/accounts/023e105f4ecef8ad9ca31a8372d0c353/widgets/0x4AAAAAAAshop");
        assertThat(row.sitekey()).isEqualTo("0x4AAAAAAAshop");
        assertThat(row.mode()).isEqualTo("invisible");
        assertThat(row.modeLabel()).isEqualTo("Invisible");
        assertThat(row.region()).isEqualTo("china");
        assertThat(row.regionLabel()).isEqualTo("China");
        assertThat(row.clearanceLevel()).isEqualTo("managed");
        assertThat(row.clearanceLevelLabel()).isEqualTo("Managed");
        assertThat(row.created())
            .isEqualTo(new ShownTime("1970-01-01T00:00:00Z", "1970-01-01 00:00:00 UTC", "1 Jan 1970"));
        assertThat(row.modified())
            .isEqualTo(new ShownTime("2025-03-12T07:00:00Z", "2025-03-12 07:00:00 UTC", "3 hours ago"));
    }

    @Test
    void theSitekeysEndIsKeptWholeForTheNarrowCellWhichCutsItsStart() {
        WidgetRow row = WidgetRow.of(TestWidgets.widget("0x4AAAAAAABcdEfGh12345678", "Shop"), ACCOUNT, times,
                TestLabels.real());

        assertThat(row.sitekeyEnd()).isEqualTo("12345678");
        assertThat(row.sitekeyStart() + row.sitekeyEnd()).isEqualTo(row.sitekey());
        assertThat(WidgetRow.of(TestWidgets.widget("0x4AB", "Short"), ACCOUNT, times, TestLabels.real()))
            .satisfies(shortOne -> {
                assertThat(shortOne.sitekeyStart()).isEmpty();
                assertThat(shortOne.sitekeyEnd()).isEqualTo("0x4AB");
            });
    }

    @Test
    void upToThreeDomainsAreShownAndMoreAreCountedWithAllOfThemInTheTooltip() {
        assertThat(rowFor(List.of()).domains()).isEmpty();

        WidgetRow three = rowFor(List.of("a.example", "b.example", "c.example"));
        assertThat(three.domains()).isEqualTo("a.example, b.example, c.example");
        assertThat(three.moreDomains()).isNull();

        WidgetRow five = rowFor(List.of("a.example", "b.example", "c.example", "d.example", "e.example"));
        assertThat(five.domains()).isEqualTo("a.example, b.example, c.example");
        assertThat(five.moreDomains()).as("the list shows “+2 more”").isEqualTo(2);
        assertThat(five.allDomains()).isEqualTo("a.example, b.example, c.example, d.example, e.example");
    }

    @Test
    void rowsKeepThePagesOrder() {
        List<WidgetRow> rows = WidgetRow.of(TestWidgets.some(3), ACCOUNT, times, TestLabels.real());

        assertThat(rows).extracting(WidgetRow::name).containsExactly("w0", "w1", "w2");
    }

    private WidgetRow rowFor(List<String> domains) {
        WidgetSettings settings = TestWidgets.settings();
        WidgetSettings withDomains = new WidgetSettings(settings.name(), domains, settings.mode(),
                settings.clearanceLevel(), settings.region(), settings.botFightMode(), settings.offlabel(),
                settings.ephemeralId());
        return WidgetRow.of(TestWidgets.widget(withDomains, NOW), ACCOUNT, times, TestLabels.real());
    }

}
