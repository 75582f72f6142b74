package com.turnstileadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.turnstileadmin.sandbox.SandboxServer;
import com.turnstileadmin.security.Role;
import com.turnstileadmin.widget.web.WidgetForms;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * One user cannot spend the team's Cloudflare rate limit: past their share they get a 429
 * with {@code Retry-After} and a message, and Cloudflare (the sandbox, over HTTP) gets no
 * call. A share of 3 calls refilled by 1 a minute here, so that the test outruns the
 * refill; each test has users of its own, as the shares live as long as the app.
 */
@SpringBootTest(properties = { "cloudflare.budget.capacity=3", "cloudflare.budget.per-minute=1" })
@AutoConfigureMockMvc
class UserShareOfTheRateLimitTest {

    private static final String MESSAGE = "You are making requests faster than the team&#39;s Cloudflare budget "
            + "allows; try again in 60 seconds.";

    @Autowired
    MockMvc mvc;

    @Autowired
    SandboxServer sandbox;

    @Test
    void aViewersBurstOfFilterRequestsIsRefusedPastTheirShareWithoutCloudflareCalls() throws Exception {
        RequestPostProcessor vera = viewer("vera");
        long before = sandbox.requestCount();
        for (String typed : new String[] { "s", "sh", "sho" }) {
            mvc.perform(get(list()).header("HX-Request", "true").param("q", typed).with(vera))
                .andExpect(status().isOk());
        }
        assertThat(sandbox.requestCount() - before).isEqualTo(3);

        String refused = mvc.perform(get(list() + "?q=shop").header("HX-Request", "true").with(vera))
            .andExpect(status().isTooManyRequests())
            .andExpect(header().string("Retry-After", "60"))
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(sandbox.requestCount() - before).as("no call for the refused request").isEqualTo(3);
        // The alert goes into the flash area (htmx), the filter field keeps what was
        // typed, and Retry repeats it.
        assertThat(refused).contains("id=\"error-alert\"", MESSAGE, "href=\"" + list() + "?q=shop\"");
    }

    @Test
    void anotherUserStillHasTheirShare() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(get(list()).param("q", "x" + i).with(viewer("hasty"))).andExpect(status().isOk());
        }
        mvc.perform(get(list()).with(viewer("hasty"))).andExpect(status().isTooManyRequests());

        mvc.perform(get(list()).with(viewer("patient"))).andExpect(status().isOk());
    }

    @Test
    void aSaveOverTheShareShowsTheFormAgainWithTheInputAndNoCall() throws Exception {
        RequestPostProcessor eddie = user("eddie").authorities(Role.EDITOR.authorities());
        for (int i = 0; i < 3; i++) {
            mvc.perform(get(list()).param("q", "e" + i).with(eddie)).andExpect(status().isOk());
        }
        long before = sandbox.requestCount();

        String form = mvc
            .perform(post(list()).with(eddie)
                .with(csrf())
                .params(WidgetForms.newWidgetParams("Over budget", "budget.example")))
            .andExpect(status().isTooManyRequests())
            .andExpect(header().string("Retry-After", "60"))
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(sandbox.requestCount()).isEqualTo(before);
        assertThat(form).contains(MESSAGE, "value=\"Over budget\"", "budget.example");
    }

    private static RequestPostProcessor viewer(String name) {
        return user(name).authorities(Role.VIEWER.authorities());
    }

    private String list() {
        return "/accounts/" + sandbox.accountId().value() + "/widgets";
    }

}
