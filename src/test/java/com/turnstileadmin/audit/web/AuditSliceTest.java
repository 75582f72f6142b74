package com.turnstileadmin.audit.web;

import com.turnstileadmin.sandbox.MutableClock;
import com.turnstileadmin.web.WebSliceTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A web slice of the audit trail's controllers (one context for all of their tests) with
 * the real audit store, emptied before each test, and the clock at
 * {@link AuditSliceTestConfiguration#START}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebSliceTest({ AuditPageController.class, AuditExportController.class, WidgetHistoryController.class })
@Import(AuditSliceTestConfiguration.class)
@ExtendWith(AuditSliceTest.EmptyTrail.class)
@interface AuditSliceTest {

    final class EmptyTrail implements BeforeEachCallback {

        @Override
        public void beforeEach(ExtensionContext context) {
            ApplicationContext spring = SpringExtension.getApplicationContext(context);
            // The trail itself is emptied by WebSliceTest, through its table.
            MutableClock clock = spring.getBean(MutableClock.class);
            clock.advance(Duration.between(clock.instant(), AuditSliceTestConfiguration.START));
        }

    }

}
