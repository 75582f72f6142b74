package com.turnstileadmin.browser;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that drives Chromium ({@link BrowserExtension}), tagged {@code browser} so
 * that the fast inner loop ({@code ./mvnw test -Pfast}) can leave it out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("browser")
@ExtendWith(BrowserExtension.class)
public @interface InBrowser {

}
