package com.turnstileadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.turnstileadmin.security.Role;
import com.turnstileadmin.widget.web.WidgetForms;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A widget's page, and the forms that show it without its secret, read by several users
 * within the window (1 s, on a clock the test moves) are one Cloudflare call, counted
 * where Cloudflare would count them: requests arriving at the sandbox. Revealing the
 * secret, and the read that checks an edit against someone else's change, always call.
 */
class SharedWidgetReadsOverHttpTest extends SharedReadsOverHttp {

    private static final RequestPostProcessor ADA = user("ada").authorities(Role.ADMIN.authorities());

    @Test
    void twoUsersDetailsViewsWithinTheWindowAreOneCall() throws Exception {
        String details = created("Shared details");

        assertThat(callsFor(get(details).with(ALICE), get(details).with(BOB))).isEqualTo(1);
        nanos.addAndGet(Duration.ofMillis(1100).toNanos());
        assertThat(callsFor(get(details).with(BOB))).as("after the window").isEqualTo(1);
    }

    @Test
    void theEditFormAndTheDialogsShareTheReadToo() throws Exception {
        String details = created("Shared forms");

        assertThat(callsFor(get(details).with(ALICE), get(details + "/edit").with(EDDIE),
                get(details + "/rotate").with(ADA), get(details + "/delete").with(ADA)))
            .isEqualTo(1);
    }

    @Test
    void aSaveReadsAfreshAndDropsTheSharedReadSoTheNextViewShowsTheChange() throws Exception {
        String details = created("Shared save");
        assertThat(callsFor(get(details).with(ALICE))).isEqualTo(1);
        String form = body(get(details + "/edit").with(EDDIE));

        long calls = sandbox.requestCount();
        mvc.perform(saved(details, form, "Shared save renamed").with(EDDIE)).andExpect(status().isFound());
        assertThat(sandbox.requestCount() - calls).as("the check's own read, the write and a rename's name check")
            .isEqualTo(3);

        calls = sandbox.requestCount();
        assertThat(body(get(details).with(BOB))).contains("Shared save renamed");
        assertThat(sandbox.requestCount() - calls).isEqualTo(1);
    }

    @Test
    void theCheckBeforeASaveFindsAChangeMadeElsewhereWithinTheWindow() throws Exception {
        String details = created("Shared check");
        String form = body(get(details + "/edit").with(EDDIE));
        changeElsewhere(details, "Changed elsewhere");
        assertThat(body(get(details).with(ALICE))).as("within the window, the shared read")
            .doesNotContain("Changed elsewhere");

        String refused = body(saved(details, form, "Shared check renamed").with(EDDIE));

        assertThat(refused).contains("id=\"conflict\"").contains("Changed elsewhere");
    }

    @Test
    void everyRevealOfTheSecretCalls() throws Exception {
        String details = created("Shared reveal");
        assertThat(callsFor(get(details).with(ALICE))).isEqualTo(1);

        assertThat(callsFor(post(details + "/secret").with(EDDIE).with(csrf()),
                post(details + "/secret").with(EDDIE).with(csrf())))
            .isEqualTo(2);
    }

    /**
     * A widget made through the app, which drops the account's shared reads: its page.
     */
    private String created(String name) throws Exception {
        String location = mvc
            .perform(post(list()).with(EDDIE).with(csrf()).params(WidgetForms.newWidgetParams(name, "shared.example")))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getHeader("Location");
        return location.substring(location.indexOf("/accounts/"));
    }

    /** The edit form, as opened, saved with the widget renamed. */
    private static MockHttpServletRequestBuilder saved(String details, String form, String name) {
        return post(details + "/edit").with(csrf())
            .params(WidgetForms.newWidgetParams(name, "shared.example"))
            .param("modifiedOn", WidgetForms.hidden(form, "modifiedOn"))
            .param("base.name", WidgetForms.hidden(form, "base.name"))
            .param("base.domains", "shared.example")
            .param("base.mode", "managed")
            .param("base.clearanceLevel", "no_clearance");
    }

    /** Someone renames the widget at Cloudflare, not through this app. */
    private void changeElsewhere(String details, String name) throws Exception {
        String sitekey = details.substring(details.lastIndexOf('/') + 1);
        URI widget = URI.create(
                sandbox.apiBaseUrl() + "/accounts/" + sandbox.accountId().value() + "/challenges/widgets/" + sitekey);
        HttpRequest put = HttpRequest.newBuilder(widget)
            .header("Authorization", "Bearer " + sandbox.apiToken().token())
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers
                .ofString("{\"name\":\"" + name + "\",\"domains\":[\"shared.example\"],\"mode\":\"managed\"}"))
            .build();
        assertThat(HttpClient.newHttpClient().send(put, HttpResponse.BodyHandlers.discarding()).statusCode())
            .isEqualTo(200);
    }

}
