package com.turnstileadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.benmanes.caffeine.cache.Ticker;
import com.turnstileadmin.sandbox.SandboxServer;
import com.turnstileadmin.security.Role;
import com.turnstileadmin.widget.web.WidgetForms;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Identical list reads within the window (the default, 1 s, on a clock the test moves)
 * are one Cloudflare call, counted where Cloudflare would count them: requests arriving
 * at the sandbox.
 */
@SpringBootTest(properties = "cloudflare.shared-reads.window=1s")
@AutoConfigureMockMvc
class SharedListReadsOverHttpTest {

    private static final RequestPostProcessor ALICE = user("alice").authorities(Role.VIEWER.authorities());

    private static final RequestPostProcessor BOB = user("bob").authorities(Role.VIEWER.authorities());

    private static final RequestPostProcessor EDDIE = user("eddie").authorities(Role.EDITOR.authorities());

    @Autowired
    MockMvc mvc;

    @Autowired
    SandboxServer sandbox;

    @Autowired
    AtomicLong nanos;

    @Test
    void twoUsersIdenticalListReadsWithinTheWindowAreOneCall() throws Exception {
        MockHttpServletRequestBuilder page = get(list()).param("q", "demo").param("sort", "name");

        assertThat(callsFor(page.with(ALICE), page.with(BOB))).isEqualTo(1);
        nanos.addAndGet(Duration.ofMillis(1100).toNanos());
        assertThat(callsFor(page.with(BOB))).as("after the window").isEqualTo(1);
    }

    @Test
    void differentQueriesAreNotShared() throws Exception {
        assertThat(callsFor(get(list()).param("q", "a").with(ALICE), get(list()).param("q", "b").with(BOB),
                get(list()).param("q", "a").param("page", "2").with(BOB)))
            .isEqualTo(3);
    }

    @Test
    void aWriteThroughTheAppDropsTheSharedListSoTheWriterSeesTheirChange() throws Exception {
        MockHttpServletRequestBuilder page = get(list()).param("q", "Shared reads").param("size", "100");
        String before = body(page.with(EDDIE));
        assertThat(before).doesNotContain("Shared reads widget");

        mvc.perform(post(list()).with(EDDIE)
            .with(csrf())
            .params(WidgetForms.newWidgetParams("Shared reads widget", "shared.example")))
            .andExpect(status().isCreated());

        long calls = sandbox.requestCount();
        assertThat(body(page.with(EDDIE))).contains("Shared reads widget");
        assertThat(sandbox.requestCount() - calls).isEqualTo(1);
    }

    @Test
    void aWidgetsPageIsNeverShared() throws Exception {
        String sitekey = body(get(list()).with(ALICE)).replaceFirst("(?s).*?widgets/([A-Za-z0-9_-]{10,32})\".*", "$1");

        assertThat(callsFor(get(list() + "/" + sitekey).with(ALICE), get(list() + "/" + sitekey).with(BOB)))
            .isEqualTo(2);
    }

    private long callsFor(MockHttpServletRequestBuilder... requests) throws Exception {
        long before = sandbox.requestCount();
        for (MockHttpServletRequestBuilder request : requests) {
            mvc.perform(request).andExpect(status().isOk());
        }
        return sandbox.requestCount() - before;
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String list() {
        return "/accounts/" + sandbox.accountId().value() + "/widgets";
    }

    /** The shared reads' clock, moved by the test. */
    @TestConfiguration(proxyBeanMethods = false)
    static class MovableTicker {

        @Bean
        AtomicLong nanos() {
            return new AtomicLong();
        }

        @Bean
        Ticker ticker(AtomicLong nanos) {
            return nanos::get;
        }

    }

}
