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
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A {@code @WebMvcTest} of one controller with {@link WebSliceTestConfiguration} around it, and
 * {@link FakeTurnstileWidgets} reset before each test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(properties = "local-sign-in.admin-password=" + WebSliceTest.ADMIN_PASSWORD)
@Import(WebSliceTestConfiguration.class)
@ExtendWith(WebSliceTest.ResetCloudflare.class)
public @interface WebSliceTest {

    /** The password of the local {@code admin} user in these tests. */
    String ADMIN_PASSWORD = "web-slice-admin-password";

    /** The controller under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();

    /** Each test starts with Cloudflare as {@link FakeTurnstileWidgets#reset()} leaves it. */
    final class ResetCloudflare implements BeforeEachCallback {

        @Override
        public void beforeEach(ExtensionContext context) {
            SpringExtension.getApplicationContext(context).getBean(FakeTurnstileWidgets.class).reset();
        }
    }
}
