package com.turnstileadmin.analytics.web;

import static com.turnstileadmin.web.WebSliceTestConfiguration.ACCOUNT;
import static com.turnstileadmin.web.WebSliceTestConfiguration.WIDGETS;
import static com.turnstileadmin.widget.FakeTurnstileWidgets.SHOP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.turnstileadmin.analytics.AnalyticsRefusedException;
import com.turnstileadmin.analytics.AnalyticsSettings;
import com.turnstileadmin.analytics.FakeTurnstileAnalytics;
import com.turnstileadmin.analytics.FakeTurnstileAnalytics.Profile;
import com.turnstileadmin.security.Role;
import com.turnstileadmin.web.Html;
import com.turnstileadmin.web.Route;
import com.turnstileadmin.web.WebSliceTest;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@WebSliceTest(WidgetHealthController.class)
@Import(AnalyticsSliceConfiguration.class)
class WidgetHealthControllerTest {

    private static final String HEALTH = WIDGETS + "/" + SHOP.value() + "/health";

    @Autowired
    private MockMvc mvc;

    @Autowired
    private FakeTurnstileAnalytics analytics;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private ApplicationContext context;

    @BeforeEach
    void shopHasTrafficOnItsOwnAndAForeignHostname() {
        AnalyticsSliceConfiguration.startAfresh(context);
        analytics.profile(SHOP,
                new Profile(100, 0.6, 5, Map.of("example.com", 0.85, "copy-of-shop.example.net", 0.15)));
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRoleSeesTheFiguresAndTheirTable(Role role) throws Exception {
        Document panel = panel(role, "24h");

        int hours = panel.select("#health-table tbody tr").size();
        assertThat(hours).isBetween(24, 25);
        assertThat(panel.select("#health-table tbody tr").eachAttr("data-issued")).containsOnly("100");
        assertThat(panel.select("#health-table tbody tr").eachAttr("data-solved")).containsOnly("60");
        assertThat(number(panel, "#figure-issued")).isEqualTo(100L * hours);
        assertThat(number(panel, "#figure-solved")).isEqualTo(60L * hours);
        assertThat(number(panel, "#figure-unsolved")).isEqualTo(40L * hours);
        assertThat(panel.select("#figure-solve-rate").text()).isEqualTo("60.0%");
        assertThat(number(panel, "#figure-valid")).isEqualTo(60L * hours);
        assertThat(panel.select("#figure-invalid").text()).startsWith(String.format("%,d", 5L * hours))
            .contains("of those checked");
        // Every figure says how it is counted.
        assertThat(panel.select("#health-figures > div"))
            .allSatisfy(figure -> assertThat(figure.select(".explain")).as(figure.select("dt").text()).isNotEmpty());
        assertThat(panel.select("#health-figures").text()).contains("Solved ÷ issued")
            .contains("leaves out traffic it classes as bots");
    }

    @Test
    void aWidgetWithoutTrafficSaysSoInsteadOfDrawingAFlatLine() throws Exception {
        AnalyticsSliceConfiguration.startAfresh(context);

        Document panel = panel(Role.VIEWER, "24h");

        assertThat(panel.select("#no-traffic").text()).startsWith("No challenge was issued in the last 24 hours.");
        assertThat(panel.select(".health-chart")).isEmpty();
        assertThat(panel.select("#figure-issued").text()).isEqualTo("0");
        assertThat(panel.select("#figure-solve-rate").text()).isEqualTo("–");
    }

    @Test
    void aHostnameTheWidgetDoesNotListIsFlagged() throws Exception {
        Document panel = panel(Role.VIEWER, "24h");

        assertThat(panel.select("#unexpected-hostnames").text()).contains("copy-of-shop.example.net")
            .doesNotContain("example.com (");
        assertThat(panel.select("#top-hostname tr.unexpected th").text()).startsWith("copy-of-shop.example.net");
        assertThat(panel.select("#top-hostname tbody tr").size()).isEqualTo(2);
    }

    @Test
    void aMissingPermissionIsSaidInThePanelWhichStillAnswers() throws Exception {
        analytics.refuse(ACCOUNT, new AnalyticsRefusedException(AnalyticsRefusedException.Kind.PERMISSION_MISSING,
                "no Account Analytics Read"));

        Document panel = panel(Role.VIEWER, "24h");

        assertThat(panel.select(".analytics-problem").text()).contains("Account Analytics Read")
            .contains("the widget pages work without it");
        assertThat(panel.select("#health-figures")).isEmpty();
    }

    @Test
    void oncePermittedTheFiguresShowWithinAMinuteNotAnHour() throws Exception {
        analytics.refuse(ACCOUNT, new AnalyticsRefusedException(AnalyticsRefusedException.Kind.PERMISSION_MISSING,
                "no Account Analytics Read"));
        assertThat(panel(Role.VIEWER, "24h").select("#health-figures")).isEmpty();

        analytics.allow(ACCOUNT);
        AnalyticsSliceConfiguration.later(context, Duration.ofSeconds(61));

        assertThat(panel(Role.VIEWER, "24h").select("#health-figures")).isNotEmpty();
    }

    @Test
    void aForeignHostnameIsFlaggedHoweverFewItsEvents() throws Exception {
        Map<String, Double> hostnames = new java.util.HashMap<>();
        for (int i = 0; i < 12; i++) {
            hostnames.put("site" + i + ".example.com", 0.08);
        }
        hostnames.put("example.com", 0.03);
        hostnames.put("tiny-copy.example.net", 0.01);
        analytics.profile(SHOP, new Profile(1000, 0.9, 0, hostnames));

        Document panel = panel(Role.VIEWER, "24h");

        assertThat(panel.select("#top-hostname tr.unexpected th").eachText())
            .anyMatch(text -> text.startsWith("tiny-copy.example.net"));
        assertThat(panel.select("#unexpected-hostnames").text()).contains("tiny-copy.example.net");
    }

    @Test
    void aDimensionTheAccountDoesNotOfferIsSaidSoAndTheRestIsShown() throws Exception {
        Set<String> withoutAsn = new HashSet<>(FakeTurnstileAnalytics.FREE.dimensions());
        withoutAsn.remove("asn");
        analytics
            .settings(new AnalyticsSettings(true, withoutAsn, Duration.ofSeconds(608_400), Duration.ofDays(7), 10_000));

        Document panel = panel(Role.VIEWER, "24h");

        assertThat(panel.select("p#top-asn").text())
            .isEqualTo("Top networks: not offered by this account's analytics.");
        assertThat(panel.select("#top-hostname table")).isNotEmpty();
        assertThat(panel.select("#figure-issued").text()).isNotEmpty();
    }

    @Test
    void aFreeAccountIsNotOffered30Days() throws Exception {
        assertThat(panel(Role.VIEWER, "24h").select(".windows a").eachText()).containsExactly("24 hours", "7 days");
        assertThat(panel(Role.VIEWER, "30d").select(".analytics-problem").text()).contains("do not go back 30 days");
    }

    @Test
    void anAccountThatKeeps30DaysIsAskedForThemAWeekAtATime() throws Exception {
        analytics.settings(new AnalyticsSettings(true, FakeTurnstileAnalytics.FREE.dimensions(),
                Duration.ofSeconds(608_400), Duration.ofDays(30), 10_000));
        Document month = panel(Role.VIEWER, "30d");

        assertThat(month.select(".windows a").eachText()).containsExactly("24 hours", "7 days", "30 days");
        assertThat(month.select("#window-30d").attr("aria-current")).isEqualTo("true");
        assertThat(month.select("#health-table tbody tr")).hasSizeBetween(30, 31);
        // 30 days in queries of at most a week each (maxDuration 7 days and 1 hour).
        assertThat(analytics.calls()).filteredOn(call -> call.startsWith("traffic")).hasSize(5);
    }

    @Test
    void tenViewsOfTheSamePanelCostOneQuery() throws Exception {
        for (int i = 0; i < 10; i++) {
            panel(i % 2 == 0 ? Role.VIEWER : Role.ADMIN, "24h");
        }

        assertThat(analytics.calls()).containsExactly("settings " + ACCOUNT.value(), "traffic " + ACCOUNT.value());
    }

    @Test
    void aViewIsARecordedInNoAuditTrail() throws Exception {
        panel(Role.VIEWER, "7d");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Integer.class)).isZero();
    }

    @Test
    void withoutJavaScriptThePanelIsAPageOfItsOwn() throws Exception {
        String page = mvc.perform(Route.get(HEALTH).with("window", "7d").by(Role.VIEWER))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        Document document = Html.parse(page);
        assertThat(document.select("h1").text()).contains("Shop checkout");
        assertThat(document.select("#health-panel #window-7d").attr("aria-current")).isEqualTo("true");
        assertThat(document.select("#health-table tbody tr")).hasSizeBetween(168, 169);
    }

    @Test
    void anUnknownWindowIsTheLast24Hours() throws Exception {
        assertThat(panel(Role.VIEWER, "1y").select("#window-24h").attr("aria-current")).isEqualTo("true");
    }

    private Document panel(Role role, String window) throws Exception {
        String html = mvc.perform(Route.get(HEALTH).with("window", window).by(role).header("HX-Request", "true"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        Document panel = Html.parse(html);
        assertThat(panel.select("#health-panel")).as(html).hasSize(1);
        assertThat(panel.select(".app-header")).as("a fragment, not a page").isEmpty();
        return panel;
    }

    private static long number(Document document, String css) {
        return Long.parseLong(document.select(css).text().replace(",", ""));
    }

}
