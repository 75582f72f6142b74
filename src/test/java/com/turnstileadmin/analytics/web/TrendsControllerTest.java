package com.turnstileadmin.analytics.web;

import static com.turnstileadmin.web.WebSliceTestConfiguration.ACCOUNT;
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
import com.turnstileadmin.widget.Sitekey;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

@WebSliceTest(TrendsController.class)
@Import(AnalyticsSliceConfiguration.class)
class TrendsControllerTest {

    private static final String TRENDS = "/accounts/" + ACCOUNT.value() + "/analytics/trends";

    private static final String QUIET = "0x4AAAAAAAquiet";

    @Autowired
    private MockMvc mvc;

    @Autowired
    private FakeTurnstileAnalytics analytics;

    @Autowired
    private ApplicationContext context;

    @BeforeEach
    void shopHasTrafficAndTheOtherNone() {
        AnalyticsSliceConfiguration.startAfresh(context);
        analytics.profile(SHOP, new Profile(100, 0.9, 0, Map.of("example.com", 1.0)));
    }

    @Test
    void oneQueryAnswersEveryRowOfThePage() throws Exception {
        Document cells = trends(SHOP.value(), QUIET);

        assertThat(analytics.calls()).containsExactly("settings " + ACCOUNT.value(), "traffic " + ACCOUNT.value());
        assertThat(cells.select("span.trend[hx-swap-oob]").eachAttr("id")).containsExactly("trend-" + SHOP.value(),
                "trend-" + QUIET);
        assertThat(cells.select("#trend-" + SHOP.value() + " svg polyline").attr("points")).isNotBlank();
        assertThat(cells.select("#trend-" + SHOP.value() + " small").text()).matches("90% solved of 2,[45]00");
        assertThat(cells.select("#trend-" + QUIET + " small").text()).isEqualTo("No traffic");
        assertThat(cells.select("#trends-note").text()).isEmpty();
    }

    @Test
    void aPageAsksOnlyForTheWidgetsNoPageShowedInTheStep() throws Exception {
        String other = "0x4AAAAAAAother";
        trends(SHOP.value(), QUIET);

        Document next = trends(QUIET, other);
        trends(SHOP.value(), QUIET);

        assertThat(analytics.askedSitekeys()).containsExactly(List.of(SHOP, new Sitekey(QUIET)),
                List.of(new Sitekey(other)));
        assertThat(next.select("span.trend[hx-swap-oob]").eachAttr("id")).containsExactly("trend-" + QUIET,
                "trend-" + other);
        assertThat(next.select("#trend-" + QUIET + " small").text()).isEqualTo("No traffic");
    }

    @Test
    void pastTheAccountsAnalyticsBudgetTheListSaysAnalyticsPauseAndAsksNothing() throws Exception {
        // The settings, then 49 pages of widgets nobody asked for yet: the 50 of the
        // budget.
        for (int i = 0; i < 49; i++) {
            trends("0x4AAAAAAAbudget" + i);
        }
        int asked = analytics.calls().size();

        Document cells = trends("0x4AAAAAAAbudgetlast");

        assertThat(asked).isEqualTo(50);
        assertThat(analytics.calls()).hasSize(50);
        assertThat(cells.select("#trends-note").text()).startsWith("Analytics pause for")
            .contains("leave the rate limit to the widget pages");
    }

    @Test
    void aPageTooLargeForHourlyGroupsInOneAnswerGetsItsTotalsInTheOneQuery() throws Exception {
        String[] page = new String[200];
        page[0] = SHOP.value();
        for (int i = 1; i < page.length; i++) {
            page[i] = "0x4AAAAAAAk" + i;
        }

        Document cells = trends(page);

        assertThat(analytics.calls()).filteredOn(call -> call.startsWith("traffic")).hasSize(1);
        assertThat(cells.select("span.trend[hx-swap-oob]")).hasSize(200);
        assertThat(cells.select("span.trend svg")).isEmpty();
        assertThat(cells.select("#trend-" + SHOP.value() + " small").text()).matches("90% solved of 2,[45]00");
    }

    @Test
    void aRefusalIsSaidOnceUnderTheListAndEachCellShowsADash() throws Exception {
        analytics.refuse(ACCOUNT, new AnalyticsRefusedException(AnalyticsRefusedException.Kind.PERMISSION_MISSING,
                "no Account Analytics Read"));

        Document cells = trends(SHOP.value());

        assertThat(cells.select("#trend-" + SHOP.value()).text()).isEqualTo("–");
        assertThat(cells.select("#trends-note[hx-swap-oob]").text()).contains("Account Analytics Read");
    }

    @Test
    void aSitekeyOutOfShapeIsABadRequestAndCostsNoQuery() throws Exception {
        mvc.perform(Route.get(TRENDS).with("sitekey", "not a sitekey!").by(Role.VIEWER))
            .andExpect(status().isBadRequest());

        assertThat(analytics.calls()).isEmpty();
    }

    private Document trends(String... sitekeys) throws Exception {
        return Html.parse(
                mvc.perform(Route.get(TRENDS).by(Role.VIEWER).param("sitekey", sitekeys).header("HX-Request", "true"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
    }

}
