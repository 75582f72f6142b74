package com.turnstileadmin.security;

import com.turnstileadmin.account.InvalidSettingException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.util.StringUtils;

/**
 * Users who sign in with a password on the app's own form: everyone, without single
 * sign-on; with it, only a break-glass account, and only when {@code enabled}.
 *
 * @param adminPassword the password of the local {@code admin} user
 * ({@code LOCAL_ADMIN_PASSWORD}); with neither it nor any {@code users}, and no single
 * sign-on, a random one is generated and printed once at start-up
 * @param users further users, each with a password hash and a role
 * @param enabled with single sign-on configured, whether the form stays available as a
 * way in when the provider fails ({@code LOCAL_SIGN_IN_ENABLED}, default {@code false}),
 * at {@code /login?local}; without single sign-on the form is always on
 */
@ConfigurationProperties("local-sign-in")
public record LocalSignInProperties(@Nullable String adminPassword, @Nullable List<User> users, boolean enabled) {

    /** The reserved name of the user whose password is {@code LOCAL_ADMIN_PASSWORD}. */
    public static final String ADMIN = "admin";

    /**
     * A user listed in {@code application.yml}.
     *
     * @param username the name to sign in with
     * @param passwordHash the password's hash with its encoder prefix, e.g.
     * {@code {bcrypt}$2a$10$...}
     * @param role {@code viewer}, {@code editor} or {@code admin}
     */
    public record User(@Nullable String username, @Nullable String passwordHash, @Nullable String role) {

        @Override
        public String toString() {
            return "User[username=" + username + ", role=" + role + "]";
        }
    }

    @ConstructorBinding
    public LocalSignInProperties {
        adminPassword = StringUtils.hasText(adminPassword) ? adminPassword : null;
        users = users == null ? List.of() : List.copyOf(users);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < users.size(); i++) {
            User user = users.get(i);
            String setting = "local-sign-in.users[" + i + "]";
            if (!StringUtils.hasText(user.username())) {
                throw new InvalidSettingException(setting + ".username", "is missing");
            }
            // Sign-in names are case-insensitive (InMemoryUserDetailsManager), so "Alice"
            // repeats "alice".
            String name = user.username().toLowerCase(Locale.ROOT);
            if (ADMIN.equals(name)) {
                throw new InvalidSettingException(setting + ".username",
                        "is \"admin\", the user whose password is LOCAL_ADMIN_PASSWORD; choose another name");
            }
            if (!names.add(name)) {
                throw new InvalidSettingException(setting + ".username",
                        "repeats the user name \"" + user.username() + "\" (names are compared ignoring case)");
            }
            // A whole "{id}" prefix, as DelegatingPasswordEncoder reads it: without its
            // "}" no one could sign in.
            if (user.passwordHash() == null || !user.passwordHash().matches("(?s)\\{[^{}]+}.+")) {
                throw new InvalidSettingException(setting + ".password-hash",
                        "is not a password hash with its encoder prefix, such as {bcrypt}$2a$10$...");
            }
            roleOf(user, setting);
        }
    }

    /** Users of the form alone, as without single sign-on. */
    public LocalSignInProperties(@Nullable String adminPassword, @Nullable List<User> users) {
        this(adminPassword, users, false);
    }

    /** Whether any way of signing in has been configured. */
    public boolean isConfigured() {
        return adminPassword != null || !users.isEmpty();
    }

    @Override
    public String toString() {
        return "LocalSignInProperties[adminPassword=" + (adminPassword == null ? "unset" : "set") + ", users=" + users
                + ", enabled=" + enabled + "]";
    }

    static Role roleOf(User user, String setting) {
        if (!StringUtils.hasText(user.role())) {
            throw new InvalidSettingException(setting + ".role", "is missing: give viewer, editor or admin");
        }
        String role = user.role() == null ? "" : user.role().trim().toUpperCase(Locale.ROOT);
        for (Role candidate : Role.values()) {
            if (candidate.name().equals(role)) {
                return candidate;
            }
        }
        throw new InvalidSettingException(setting + ".role", "is not one of viewer, editor, admin");
    }
}
