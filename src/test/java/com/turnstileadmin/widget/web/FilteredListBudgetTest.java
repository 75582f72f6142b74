package com.turnstileadmin.widget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.turnstileadmin.security.Role;
import com.turnstileadmin.web.WebSliceTest;
import com.turnstileadmin.web.WebSliceTestConfiguration;
import com.turnstileadmin.widget.ClearanceLevel;
import com.turnstileadmin.widget.FakeTurnstileWidgets;
import com.turnstileadmin.widget.Region;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.Widget;
import com.turnstileadmin.widget.WidgetMode;
import com.turnstileadmin.widget.WidgetSettings;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A list filtered by mode or region reads a page of 1,000 a call, and each call is taken
 * from the user's share of the rate limit: here a share of 3, refilled by 1 a minute, so
 * that the test outruns the refill. The walk then stops at 3 pages, all the share can
 * ever hold, rather than at 5.
 */
@WebSliceTest(WidgetListController.class)
@TestPropertySource(properties = { "cloudflare.budget.capacity=3", "cloudflare.budget.per-minute=1" })
class FilteredListBudgetTest {

    @Autowired
    private MockMvc mvc;

    @Autowired
    private FakeTurnstileWidgets cloudflare;

    @Test
    void eachPageAFilteredListReadsIsACallOfTheUsersShareAndTheWalkStopsWhereTheShareEnds() throws Exception {
        cloudflare.removeAll();
        for (int i = 0; i < 4_500; i++) {
            cloudflare.add(new Widget(new Sitekey("0x4AAAAAAA" + i),
                    new WidgetSettings("Widget " + i, List.of("example.com"),
                            i % 2 == 0 ? WidgetMode.INVISIBLE : WidgetMode.MANAGED, ClearanceLevel.NO_CLEARANCE,
                            Region.WORLD, false, false, false),
                    Instant.EPOCH, Instant.EPOCH, null, null));
        }
        var fiona = user("filtering-fiona").authorities(Role.VIEWER.authorities());

        String page = mvc.perform(get(WebSliceTestConfiguration.WIDGETS).param("mode", "invisible").with(fiona))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(cloudflare.calls()).hasSize(3);
        assertThat(page).contains("among the first <strong>3,000</strong> widgets", "1–25 of 1,500");

        mvc.perform(get(WebSliceTestConfiguration.WIDGETS).param("mode", "invisible").with(fiona))
            .andExpect(status().isTooManyRequests());
        assertThat(cloudflare.calls()).as("no call past the share").hasSize(3);
    }

}
