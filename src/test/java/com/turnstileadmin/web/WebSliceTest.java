package com.turnstileadmin.web;

import com.turnstileadmin.widget.FakeTurnstileWidgets;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.data.jdbc.test.autoconfigure.AutoConfigureDataJdbc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A {@code @WebMvcTest} of one controller with {@link WebSliceTestConfiguration} around
 * it, and {@link FakeTurnstileWidgets} reset and the audit trail emptied before each
 * test. The audit trail is the real one, on Spring Data JDBC and Flyway's migrations, in
 * the in-memory H2 database that the build gives each test context
 * ({@code spring.datasource.url} in pom.xml).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(properties = "local-sign-in.admin-password=" + WebSliceTest.ADMIN_PASSWORD)
@AutoConfigureDataJdbc
@Import(WebSliceTestConfiguration.class)
@ExtendWith(WebSliceTest.ResetCloudflare.class)
public @interface WebSliceTest {

    /** The password of the local {@code admin} user in these tests. */
    String ADMIN_PASSWORD = "web-slice-admin-password";

    /** The controller under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();

    /**
     * Each test starts with Cloudflare as {@link FakeTurnstileWidgets#reset()} leaves it,
     * and an empty audit trail.
     */
    final class ResetCloudflare implements BeforeEachCallback {

        @Override
        public void beforeEach(ExtensionContext context) {
            var spring = SpringExtension.getApplicationContext(context);
            spring.getBean(FakeTurnstileWidgets.class).reset();
            spring.getBean(JdbcTemplate.class).update("DELETE FROM audit_entry");
        }

    }

}
