package com.turnstileadmin.widget.web;

import static com.turnstileadmin.widget.FakeTurnstileWidgets.SHOP;
import static com.turnstileadmin.widget.web.WidgetAuditTest.CREATE;
import static com.turnstileadmin.widget.web.WidgetAuditTest.REVEAL;
import static com.turnstileadmin.widget.web.WidgetAuditTest.ROTATE;
import static com.turnstileadmin.widget.web.WidgetAuditTest.SHOP_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.turnstileadmin.security.Role;
import com.turnstileadmin.web.Route;
import com.turnstileadmin.web.WebSliceTest;
import com.turnstileadmin.widget.CloudflareApiException;
import com.turnstileadmin.widget.CloudflareError;
import com.turnstileadmin.widget.FakeTurnstileWidgets;
import com.turnstileadmin.widget.WidgetSetting;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * When the audit store's database cannot be reached at all (down, or the pool exhausted):
 * no connection can be had, so the failure comes from opening the transaction rather than
 * from a statement, as {@link AuditWriteFailureTest}'s renamed table gives. It must be
 * handled the same: a change made at Cloudflare is shown with the warning, an unrecorded
 * reveal shows no secret, and the details page still opens.
 */
@WebSliceTest({ WidgetFormController.class, WidgetFieldCheckController.class, WidgetDetailsController.class,
        WidgetRotateController.class })
@Import(AuditStoreOutageTest.Outage.class)
class AuditStoreOutageTest {

    @Autowired
    private MockMvc mvc;

    @Autowired
    private FakeTurnstileWidgets cloudflare;

    @Autowired
    private AtomicBoolean databaseDown;

    @BeforeEach
    void takeTheDatabaseDown() {
        databaseDown.set(true);
    }

    @AfterEach
    void bringItBack() {
        databaseDown.set(false);
    }

    @Test
    void aCreateIsDoneAndTheUserIsToldItIsNotRecorded() throws Exception {
        mvc.perform(CREATE.by(Role.EDITOR))
            .andExpect(status().isCreated())
            .andExpect(model().attribute("unrecorded", true));

        assertThat(cloudflare.calls()).as("the create, then the check for another widget of that name")
            .containsExactly("create Shop login", "list");
    }

    @Test
    void aRotatedSecretIsStillShownOnceWithTheWarning() throws Exception {
        String page = mvc.perform(ROTATE.by(Role.ADMIN).header("HX-Request", "true"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("id=\"new-secret\"", cloudflare.secret(SHOP).value(), "id=\"unrecorded\"");
    }

    @Test
    void aFailedAttemptIsShownWithTheNoteThatItIsNotRecordedEither() throws Exception {
        cloudflare.failNextCallWith(new CloudflareApiException("create widget", 400,
                List.of(new CloudflareError(10001, "name taken", "/name", WidgetSetting.NAME))));

        String page = mvc.perform(CREATE.by(Role.EDITOR))
            .andExpect(status().isUnprocessableContent())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("Cloudflare says: name taken", "could not be recorded in the audit trail either");
    }

    @Test
    void aSecretWhoseRevealCannotBeRecordedIsNotShown() throws Exception {
        String page = mvc.perform(REVEAL.by(Role.EDITOR).header("HX-Request", "true"))
            .andExpect(status().isServiceUnavailable())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("The secret is not shown").doesNotContain(cloudflare.secret(SHOP).value());
    }

    @Test
    void theDetailsPageStillOpens() throws Exception {
        String page = mvc.perform(Route.get(SHOP_PATH).by(Role.ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("id=\"rotate-secret\"");
    }

    /**
     * Wraps the data source so that, while {@code databaseDown} is set, no connection can
     * be had.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class Outage {

        @Bean
        AtomicBoolean databaseDown() {
            return new AtomicBoolean();
        }

        @Bean
        static BeanPostProcessor unreachableWhenDown(ObjectProvider<AtomicBoolean> down) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof DataSource dataSource)) {
                        return bean;
                    }
                    return new DelegatingDataSource(dataSource) {
                        @Override
                        public Connection getConnection() throws SQLException {
                            if (down.getObject().get()) {
                                // What HikariCP throws when the database does not answer
                                // in time.
                                throw new SQLTransientConnectionException("Connection is not available");
                            }
                            return super.getConnection();
                        }
                    };
                }
            };
        }

    }

}
