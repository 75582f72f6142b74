package com.turnstileadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.turnstileadmin.widget.web.WidgetForms;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Identical list reads within the window (the default, 1 s, on a clock the test moves)
 * are one Cloudflare call, counted where Cloudflare would count them: requests arriving
 * at the sandbox. {@link SharedWidgetReadsOverHttpTest} shares a widget's page.
 */
class SharedListReadsOverHttpTest extends SharedReadsOverHttp {

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

}
