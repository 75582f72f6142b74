package com.turnstileadmin.web;

import static com.turnstileadmin.web.WebSliceTestConfiguration.WIDGETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import com.turnstileadmin.security.Role;
import com.turnstileadmin.widget.FakeTurnstileWidgets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@WebSliceTest(HomeController.class)
class HomeControllerTest {

    private static final Route HOME = Route.get("/");

    @Autowired
    private MockMvc mvc;

    @Autowired
    private FakeTurnstileWidgets cloudflare;

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRoleStartsOnTheFirstAccountsWidgetsWithoutACall(Role role) throws Exception {
        mvc.perform(HOME.by(role)).andExpect(redirectedUrl(WIDGETS));

        assertThat(cloudflare.calls()).isEmpty();
    }

}
