package com.turnstileadmin.analytics.web;

import static com.turnstileadmin.web.WebSliceTestConfiguration.ACCOUNT;
import static com.turnstileadmin.web.WebSliceTestConfiguration.STAGING;
import static com.turnstileadmin.widget.FakeTurnstileWidgets.SHOP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.turnstileadmin.analytics.AnalyticsRefusedException;
import com.turnstileadmin.analytics.FakeTurnstileAnalytics;
import com.turnstileadmin.analytics.FakeTurnstileAnalytics.Profile;
import com.turnstileadmin.security.Role;
import com.turnstileadmin.web.Html;
import com.turnstileadmin.web.Route;
import com.turnstileadmin.web.WebSliceTest;
import com.turnstileadmin.widget.CloudflareApiException;
import com.turnstileadmin.widget.FakeTurnstileWidgets;
import com.turnstileadmin.widget.Sitekey;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

@WebSliceTest(OverviewController.class)
@Import(AnalyticsSliceConfiguration.class)
class OverviewControllerTest {

    private static final Route OVERVIEW = Route.get("/widget-health");

    @Autowired
    private MockMvc mvc;

    @Autowired
    private FakeTurnstileAnalytics analytics;

    @Autowired
    private FakeTurnstileWidgets widgets;

    @Autowired
    private ApplicationContext context;

    @BeforeEach
    void threeWidgetsOneCalmOneDroppedOneWithManyInvalidTokens() {
        AnalyticsSliceConfiguration.startAfresh(context);
        widgets.add("0x4AAAAAAAcalm", "Calm newsletter");
        widgets.add("0x4AAAAAAAbots", "Bot target");
        analytics.profile(new Sitekey("0x4AAAAAAAcalm"), new Profile(200, 0.95, 1, Map.of("example.com", 1.0)));
        analytics.profile(SHOP, new Profile(100, 0.5, 0, Map.of("example.com", 1.0)));
        analytics.profile(new Sitekey("0x4AAAAAAAbots"), new Profile(100, 0.95, 40, Map.of("example.com", 1.0)));
    }

    @Test
    void theTroubledWidgetsComeFirstEachSayingWhyAndLinkingToItsPage() throws Exception {
        Element account = account(overview(), ACCOUNT.value());

        assertThat(account.select("tbody tr td[data-label=Widget]").eachText()).containsExactly("Shop checkout",
                "Bot target", "Calm newsletter");
        assertThat(account.select("tbody tr:nth-child(1) td[data-label=Trouble]").text())
            .isEqualTo("Solve rate dropped");
        assertThat(account.select("tbody tr:nth-child(1) td[data-label='Solve rate, 24 h']").text()).isEqualTo("50.0%");
        assertThat(account.select("tbody tr:nth-child(1) td[data-label=Usual]").text()).isEqualTo("95.0%");
        assertThat(account.select("tbody tr:nth-child(2) td[data-label=Trouble]").text())
            .isEqualTo("Many invalid tokens");
        assertThat(account.select("tbody tr:nth-child(3) td[data-label=Trouble]").text()).isEqualTo("–");
        assertThat(account.select("tbody tr:nth-child(1) a").attr("href"))
            .isEqualTo("/accounts/" + ACCOUNT.value() + "/widgets/" + SHOP.value());
        assertThat(account.select(".summary strong").text()).isEqualTo("2 widgets need a look.");
    }

    @Test
    void anAccountWithoutThePermissionSaysSoAndTheOthersAreShown() throws Exception {
        analytics.refuse(STAGING, new AnalyticsRefusedException(AnalyticsRefusedException.Kind.PERMISSION_MISSING,
                "no Account Analytics Read"));

        Document page = overview();

        assertThat(account(page, STAGING.value()).select(".analytics-problem").text())
            .contains("Account Analytics Read");
        assertThat(account(page, STAGING.value()).select("table")).isEmpty();
        assertThat(account(page, ACCOUNT.value()).select("tbody tr")).hasSize(3);
        assertThat(page.select("#health-link").attr("aria-current")).isEqualTo("page");
    }

    @Test
    void anAccountWhoseWidgetListIsRefusedSaysSoAndTheOthersAreShown() throws Exception {
        widgets.failNextCallWith(new CloudflareApiException("list widgets", 403, List.of()));

        Document page = overview();

        assertThat(account(page, ACCOUNT.value()).select(".analytics-problem").text()).contains("refused");
        assertThat(account(page, STAGING.value()).select("tbody tr")).hasSize(3);
    }

    @Test
    void eachAccountCostsTwoQueriesAndTheSettingsOncePerHour() throws Exception {
        overview();
        overview();

        assertThat(analytics.calls()).filteredOn(call -> call.equals("traffic " + ACCOUNT.value())).hasSize(2);
        assertThat(analytics.calls()).filteredOn(call -> call.equals("settings " + ACCOUNT.value())).hasSize(1);
    }

    private Document overview() throws Exception {
        return Html.parse(mvc.perform(OVERVIEW.by(Role.VIEWER))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
    }

    private static Element account(Document page, String id) {
        Element section = page.getElementById("health-" + id);
        assertThat(section).as(id).isNotNull();
        return section;
    }

}
