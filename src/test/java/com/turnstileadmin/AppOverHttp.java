package com.turnstileadmin;

import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole app on the sandbox, served by Tomcat on a random port, with one local user
 * per role and the monitoring user of the management endpoints. The browser journeys and
 * the tests that speak plain HTTP to the app all use it, and add no context configuration
 * of their own, so that they share one Spring context (and one sandbox), started once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = { "local-sign-in.admin-password=admin-journey-password",
        "local-sign-in.users[0].username=editor", "local-sign-in.users[0].password-hash={noop}editor-journey-password",
        "local-sign-in.users[0].role=editor", "local-sign-in.users[1].username=viewer",
        "local-sign-in.users[1].password-hash={noop}viewer-journey-password", "local-sign-in.users[1].role=viewer",
        // Not the default, so that a test can tell the setting from Tomcat's own 30
        // minutes.
        "SESSION_IDLE_TIMEOUT=" + AppOverHttp.SESSION_IDLE_TIMEOUT_MINUTES + "m",
        "MONITORING_PASSWORD=" + AppOverHttp.MONITORING_PASSWORD })
public @interface AppOverHttp {

    /** The idle timeout these tests configure through {@code SESSION_IDLE_TIMEOUT}. */
    int SESSION_IDLE_TIMEOUT_MINUTES = 17;

    /**
     * The HTTP Basic password of the management endpoints, for the user
     * {@code monitoring}.
     */
    String MONITORING_PASSWORD = "monitoring-journey-password";

    /** The users of the properties above. */
    enum User {

        ADMIN("admin", "admin-journey-password"), EDITOR("editor", "editor-journey-password"),
        VIEWER("viewer", "viewer-journey-password");

        public final String username;

        public final String password;

        User(String username, String password) {
            this.username = username;
            this.password = password;
        }

    }

}
