package com.turnstileadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.turnstileadmin.sandbox.SandboxServer;
import com.turnstileadmin.security.Role;
import com.turnstileadmin.widget.web.WidgetForms;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * No secret value reaches the audit trail: a widget's life through the whole app on the
 * sandbox (create, reveal, rotate with and without a grace period, delete), then every
 * column of every row of the audit tables is searched for each secret seen along the way.
 * Shares its context with {@link CloudflareCallBudgetTest}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditTrailHoldsNoSecretTest {

    private static final RequestPostProcessor ADMIN = user("admin").authorities(Role.ADMIN.authorities());

    private static final Pattern SECRET = Pattern.compile("id=\"(?:secret-value|new-secret)\">([^<]+)<");

    @Autowired
    private MockMvc mvc;

    @Autowired
    private SandboxServer sandbox;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void noSecretSeenInAWidgetsLifeIsInAnyColumnOfAnyAuditRow() throws Exception {
        String list = "/accounts/" + sandbox.accountId().value() + "/widgets";
        String created = mvc
            .perform(post(list).with(ADMIN)
                .with(csrf())
                .params(WidgetForms.newWidgetParams("Audit secrets", "audit.example")))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getHeader("Location");
        String details = created.substring(created.indexOf("/accounts/"));
        List<String> secrets = new ArrayList<>();

        secrets.add(secretIn(post(details + "/secret")));
        secrets.add(secretIn(post(details + "/rotate").param("invalidateImmediately", "true")
            .param("confirmation", details.substring(details.length() - 6))));
        secrets.add(secretIn(post(details + "/rotate").param("invalidateImmediately", "false")));
        secrets.add(secretIn(post(details + "/secret")));
        mvc.perform(post(details + "/rotate").with(ADMIN).with(csrf()).param("invalidateImmediately", "false"))
            .andExpect(status().isOk());
        mvc.perform(post(details + "/delete").with(ADMIN)
            .with(csrf())
            .param("name", "Audit secrets")
            .param("confirmation", details.substring(details.length() - 6))).andExpect(status().is3xxRedirection());

        assertThat(secrets).as("the first secret and the two rotations'; the last reveal shows the latest again")
            .hasSize(4)
            .allSatisfy(secret -> assertThat(secret).hasSizeGreaterThan(20));
        assertThat(secrets.subList(0, 3)).doesNotHaveDuplicates();
        String sitekey = details.substring(details.lastIndexOf('/') + 1);
        assertThat(jdbc.queryForList("SELECT action, outcome FROM audit_entry WHERE sitekey = ? ORDER BY id", sitekey))
            .as("create, reveal, rotate, rotate, reveal, refused rotation, delete")
            .hasSize(7);
        List<Map<String, Object>> rows = new ArrayList<>(jdbc.queryForList("SELECT * FROM audit_entry"));
        rows.addAll(jdbc.queryForList("SELECT * FROM field_change"));
        assertThat(rows).allSatisfy(row -> assertThat(row.values())
            .allSatisfy(value -> assertThat(String.valueOf(value)).as("a column of " + row).doesNotContain(secrets)));
    }

    private String secretIn(MockHttpServletRequestBuilder request) throws Exception {
        String page = mvc.perform(request.with(ADMIN).with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        Matcher secret = SECRET.matcher(page);
        assertThat(secret.find()).as("a secret on the page").isTrue();
        return secret.group(1);
    }

}
