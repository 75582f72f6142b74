package com.turnstileadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.turnstileadmin.sandbox.SandboxServer;
import com.turnstileadmin.security.Role;
import com.turnstileadmin.widget.web.WidgetForms;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The team shares one token and its rate limit, so each page costs the Cloudflare calls
 * docs/performance.md says. Counted where Cloudflare would count them: requests arriving
 * at the sandbox.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CloudflareCallBudgetTest {

    private static final RequestPostProcessor ADMIN = user("admin").authorities(Role.ADMIN.authorities());

    private static final Pattern SITEKEY = Pattern.compile("widgets/([A-Za-z0-9_-]{10,32})\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    SandboxServer sandbox;

    @Test
    void listingDetailsAndRevealEachCostOneCall() throws Exception {
        String sitekey = anySitekey();

        assertThat(callsFor(get(list()).param("q", "shop").param("sort", "name"))).isEqualTo(1);
        assertThat(callsFor(get(list()).header("HX-Request", "true").param("q", "sho"))).isEqualTo(1);
        assertThat(callsFor(get(list() + "/" + sitekey))).isEqualTo(1);
        assertThat(callsFor(post(list() + "/" + sitekey + "/secret").with(csrf()))).isEqualTo(1);
    }

    @Test
    void formsAndFieldChecksCostNothingUntilSaved() throws Exception {
        assertThat(callsFor(get(list() + "/new"))).isZero();
        assertThat(callsFor(post(list() + "/validate").with(csrf())
            .param("field", "domains")
            .param("edited.domains", "bad domain"))).isZero();
        assertThat(callsFor(post(list()).with(csrf()).param("edited.name", "").param("edited.domains", "example.com")))
            .as("a form refused by its own checks never reaches Cloudflare")
            .isZero();
    }

    @Test
    void eachWriteCostsOneCallAndAnEditOrADeleteOneMoreForItsCheck() throws Exception {
        long before = sandbox.requestCount();
        String created = mvc.perform(
                post(list()).with(ADMIN).with(csrf()).params(WidgetForms.newWidgetParams("Budget", "budget.example")))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getHeader("Location");
        // The create, and one filtered list: whether another widget has the name (a
        // warning, never a refusal).
        assertThat(sandbox.requestCount() - before).as("create, then its name check").isEqualTo(2);
        String details = created.substring(created.indexOf("/accounts/"));

        String form = mvc.perform(get(details + "/edit").with(ADMIN)).andReturn().getResponse().getContentAsString();
        MockHttpServletRequestBuilder save = post(details + "/edit").with(csrf())
            .params(WidgetForms.newWidgetParams("Budget renamed", "budget.example"))
            .param("modifiedOn", WidgetForms.hidden(form, "modifiedOn"))
            .param("base.name", "Budget")
            .param("base.domains", "budget.example")
            .param("base.mode", "managed")
            .param("base.clearanceLevel", "no_clearance");
        // The read is what lets the edit refuse to overwrite someone else's change.
        assertThat(callsFor(save)).as("edit: read to compare, write, and a rename's name check").isEqualTo(3);
        assertThat(callsFor(post(details + "/rotate").with(csrf())
            .param("invalidateImmediately", "true")
            .param("confirmation", details.substring(details.length() - 6)))).as("rotate").isEqualTo(1);
        assertThat(callsFor(post(details + "/delete").with(csrf())
            .param("name", "Budget renamed")
            .param("confirmation", details.substring(details.length() - 6)))).as("delete").isEqualTo(1);
    }

    private long callsFor(MockHttpServletRequestBuilder request) throws Exception {
        long before = sandbox.requestCount();
        mvc.perform(request.with(ADMIN));
        return sandbox.requestCount() - before;
    }

    private String list() {
        return "/accounts/" + sandbox.accountId().value() + "/widgets";
    }

    private String anySitekey() throws Exception {
        String page = mvc.perform(get(list()).with(ADMIN)).andReturn().getResponse().getContentAsString();
        Matcher sitekey = SITEKEY.matcher(page);
        assertThat(sitekey.find()).isTrue();
        return sitekey.group(1);
    }

}
