package com.turnstileadmin.security.monitoring;

import com.turnstileadmin.account.InvalidSettingException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Who may read the management endpoints other than health ({@code /actuator/info},
 * {@code /actuator/prometheus}), with HTTP Basic: a Prometheus scrape, say. Blank values
 * count as unset; {@link #toString()} never shows the password.
 *
 * @param username the user name ({@code MONITORING_USERNAME}); default {@code monitoring}
 * @param password the password ({@code MONITORING_PASSWORD}), or its hash with an encoder
 * prefix such as {@code {bcrypt}$2y$10$...}; unset: nobody can read those endpoints
 */
@ConfigurationProperties("monitoring")
public record MonitoringProperties(@Nullable String username, @Nullable String password) {

    static final String DEFAULT_USERNAME = "monitoring";
    static final String USERNAME = "MONITORING_USERNAME (monitoring.username)";

    public MonitoringProperties {
        username = StringUtils.hasText(username) ? username.trim() : DEFAULT_USERNAME;
        password = StringUtils.hasText(password) ? password : null;
        // HTTP Basic sends "name:password": a colon in the name would end it early.
        if (username.contains(":")) {
            throw new InvalidSettingException(USERNAME, "must not contain a colon (HTTP Basic cannot send one)");
        }
    }

    /** Whether anyone can read the endpoints: a password is set. */
    public boolean isConfigured() {
        return password != null;
    }

    @Override
    public String toString() {
        return "MonitoringProperties[username=" + username + ", password=" + (password == null ? "unset" : "set") + "]";
    }
}
