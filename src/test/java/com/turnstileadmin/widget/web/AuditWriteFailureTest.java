package com.turnstileadmin.widget.web;

import static com.turnstileadmin.text.ShownText.shownAs;
import static com.turnstileadmin.widget.FakeTurnstileWidgets.SHOP;
import static com.turnstileadmin.widget.web.WidgetAuditTest.CREATE;
import static com.turnstileadmin.widget.web.WidgetAuditTest.DELETE;
import static com.turnstileadmin.widget.web.WidgetAuditTest.REVEAL;
import static com.turnstileadmin.widget.web.WidgetAuditTest.ROTATE;
import static com.turnstileadmin.widget.web.WidgetAuditTest.SHOP_PATH;
import static com.turnstileadmin.widget.web.WidgetAuditTest.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.turnstileadmin.audit.AuditTrail;
import com.turnstileadmin.security.Role;
import com.turnstileadmin.text.Text;
import com.turnstileadmin.web.Route;
import com.turnstileadmin.web.WebSliceTest;
import com.turnstileadmin.widget.CloudflareApiException;
import com.turnstileadmin.widget.CloudflareError;
import com.turnstileadmin.widget.CloudflareUnavailableException;
import com.turnstileadmin.widget.FakeTurnstileWidgets;
import com.turnstileadmin.widget.WidgetSetting;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * When the audit trail cannot be written, for real: its table is renamed away for each
 * test (and back after it), in the in-memory database of this slice's own context. A
 * change made at Cloudflare is shown as done, with a warning; a secret whose reveal
 * cannot be recorded is not shown; the log says what was not recorded, and never holds a
 * secret.
 */
@WebSliceTest({ WidgetFormController.class, WidgetFieldCheckController.class, WidgetDetailsController.class,
        WidgetRotateController.class, WidgetDeleteController.class })
class AuditWriteFailureTest {

    private static final String WARNING = "This was done, but it could not be recorded in the audit trail. "
            + "Tell an administrator.";

    private static final String FAILURE_WARNING = "This failed attempt could not be recorded in the audit trail "
            + "either. Tell an administrator.";

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    private final Logger auditLog = (Logger) LoggerFactory.getLogger(AuditTrail.class);

    @Autowired
    private MockMvc mvc;

    @Autowired
    private FakeTurnstileWidgets cloudflare;

    @Autowired
    private MessageSource messages;

    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void makeTheAuditTrailUnwritable() {
        jdbc.execute("ALTER TABLE audit_entry RENAME TO audit_entry_unusable");
        log.start();
        auditLog.addAppender(log);
    }

    @AfterEach
    void restoreTheAuditTrail() {
        auditLog.detachAppender(log);
        jdbc.execute("ALTER TABLE audit_entry_unusable RENAME TO audit_entry");
    }

    @Test
    void aCreateThatCannotBeRecordedIsDoneAndTheUserIsToldSo() throws Exception {
        String page = mvc.perform(CREATE.by(Role.EDITOR))
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", WidgetAuditTest.SHOP_PATH.replace(SHOP.value(), "0x4AAAAAAAnew1")))
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("Widget “Shop login” created", "id=\"unrecorded\"", WARNING);

        assertThat(cloudflare.calls()).as("the create, then the check for another widget of that name")
            .containsExactly("create Shop login", "list");
        assertThatTheLogSays("SUCCEEDED CREATE of widget 0x4AAAAAAAnew1");
    }

    @Test
    void thePageAfterTheRedirectShowsTheWarning() throws Exception {
        String page = mvc
            .perform(Route.get(SHOP_PATH)
                .by(Role.EDITOR)
                .flashAttr("flash", Text.of("widget.flash.saved", "Shop"))
                .flashAttr("unrecorded", true))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("id=\"unrecorded\"", WARNING);
    }

    @Test
    void anEditThatCannotBeRecordedIsSavedAndTheUserIsToldSo() throws Exception {
        mvc.perform(UPDATE.by(Role.EDITOR))
            .andExpect(redirectedUrl(SHOP_PATH))
            .andExpect(flash().attribute("unrecorded", true));

        assertThat(cloudflare.widget(SHOP).name()).isEqualTo("Shop checkout v2");
        assertThatTheLogSays("SUCCEEDED UPDATE of widget " + SHOP);
    }

    @Test
    void aRotationThatCannotBeRecordedStillShowsTheNewSecretOnceWithTheWarning() throws Exception {
        String page = mvc.perform(ROTATE.by(Role.ADMIN).header("HX-Request", "true"))
            .andExpect(status().isOk())
            .andExpect(header().string("Cache-Control", "no-store"))
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("id=\"new-secret\"", cloudflare.secret(SHOP).value(), WARNING);
        assertThatTheLogSays("SUCCEEDED ROTATE_SECRET of widget " + SHOP);
    }

    @Test
    void aDeleteThatCannotBeRecordedIsDoneAndTheUserIsToldSo() throws Exception {
        mvc.perform(DELETE.by(Role.ADMIN))
            .andExpect(status().is3xxRedirection())
            .andExpect(flash().attribute("flash", shownAs(messages, "Widget “Shop checkout” deleted.")))
            .andExpect(flash().attribute("unrecorded", true));

        assertThat(cloudflare.calls()).containsExactly("delete " + SHOP);
        assertThatTheLogSays("SUCCEEDED DELETE of widget " + SHOP);
    }

    @Test
    void aSecretWhoseRevealCannotBeRecordedIsNotShown() throws Exception {
        String page = mvc.perform(REVEAL.by(Role.EDITOR).header("HX-Request", "true"))
            .andExpect(status().isServiceUnavailable())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("id=\"error-alert\"", "The secret is not shown", "Tell an administrator")
            .doesNotContain(cloudflare.secret(SHOP).value(), "id=\"secret-value\"");
        assertThatTheLogSays("SUCCEEDED REVEAL_SECRET of widget " + SHOP);
    }

    @Test
    void aFailedCreateWhoseRecordFailsTooSaysSoBesideCloudflaresError() throws Exception {
        cloudflare.failNextCallWith(new CloudflareApiException("create widget", 400,
                List.of(new CloudflareError(10001, "name taken", "/name", WidgetSetting.NAME))));

        String page = mvc.perform(CREATE.by(Role.EDITOR))
            .andExpect(status().isUnprocessableContent())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("Cloudflare says: name taken", FAILURE_WARNING, "value=\"Shop login\"");
        assertThatTheLogSays("FAILED CREATE");
    }

    @Test
    void aRefusedRotationWhoseRecordFailsTooSaysSo() throws Exception {
        cloudflare.failNextCallWith(new CloudflareApiException("rotate secret", 400,
                List.of(new CloudflareError(10001, "rotation not allowed yet"))));

        String page = mvc.perform(ROTATE.by(Role.ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("The secret was not rotated", FAILURE_WARNING);
        assertThatTheLogSays("FAILED ROTATE_SECRET of widget " + SHOP);
    }

    @Test
    void aFailedDeleteWhoseRecordFailsTooSaysSoOnTheErrorPage() throws Exception {
        cloudflare.failNextCallWith(new CloudflareUnavailableException("delete widget",
                CloudflareUnavailableException.Reason.CONNECTION_FAILED, 0, null, null));

        String page = mvc.perform(DELETE.by(Role.ADMIN))
            .andExpect(status().isServiceUnavailable())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("Nothing was changed", FAILURE_WARNING);
        assertThatTheLogSays("FAILED DELETE of widget " + SHOP);
    }

    @Test
    void theDetailsPageStillOpensWithTheRotateButtonWhenTheTrailCannotBeRead() throws Exception {
        String page = mvc.perform(Route.get(SHOP_PATH).by(Role.ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("id=\"rotate-secret\"")
            .doesNotContain("id=\"grace-period\"", "id=\"rotate-unavailable\"");
    }

    private void assertThatTheLogSays(String what) {
        assertThat(log.list).filteredOn(event -> event.getLevel() == Level.ERROR)
            .extracting(ILoggingEvent::getFormattedMessage)
            .anySatisfy(line -> assertThat(line).startsWith("Could not record in the audit trail").contains(what));
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
            .noneMatch(line -> line.contains("secret-1-of") || line.contains("secret-2-of"));
    }

}
