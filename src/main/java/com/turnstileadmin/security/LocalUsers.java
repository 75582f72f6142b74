package com.turnstileadmin.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** Builds the users of the local sign-in form from {@link LocalSignInProperties}. */
final class LocalUsers {

    private static final Logger log = LoggerFactory.getLogger(LocalUsers.class);

    private LocalUsers() {
    }

    static InMemoryUserDetailsManager from(LocalSignInProperties properties, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        String adminPassword = properties.adminPassword();
        if (!properties.isConfigured()) {
            adminPassword = randomPassword();
            // Printed once, on purpose: it is the only way into a fresh installation.
            log.warn("No sign-in is configured, so a password was generated for the local \"admin\" user: {}  "
                    + "It changes at every start; set LOCAL_ADMIN_PASSWORD to choose one.", adminPassword);
        }
        if (adminPassword != null) {
            users.add(user(LocalSignInProperties.ADMIN, encoder.encode(adminPassword), Role.ADMIN));
        }
        for (int i = 0; i < properties.users().size(); i++) {
            LocalSignInProperties.User user = properties.users().get(i);
            users.add(user(user.username(), user.passwordHash(),
                    LocalSignInProperties.roleOf(user, "local-sign-in.users[" + i + "]")));
        }
        return new InMemoryUserDetailsManager(users);
    }

    private static UserDetails user(String username, String passwordHash, Role role) {
        return User.withUsername(username).password(passwordHash).authorities(role.authorities()).build();
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
