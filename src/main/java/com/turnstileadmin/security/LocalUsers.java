package com.turnstileadmin.security;

import com.turnstileadmin.account.InvalidSettingException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** Builds the users of the local sign-in form from {@link LocalSignInProperties}. */
public final class LocalUsers {

    private static final Logger log = LoggerFactory.getLogger(LocalUsers.class);

    private static final String PASSWORD_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static final int PASSWORD_LENGTH = 25;

    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

    private LocalUsers() {
    }

    /**
     * The users of the sign-in form.
     * @param console takes a generated admin password, to print it on the console, never
     * in the log, which may be kept in files or shipped elsewhere, and must hold no
     * secret
     */
    static InMemoryUserDetailsManager from(LocalSignInProperties properties, PasswordEncoder encoder,
            Consumer<String> console) {
        List<UserDetails> users = new ArrayList<>();
        String adminPassword = properties.adminPassword();
        if (!properties.isConfigured()) {
            adminPassword = randomPassword();
            // Printed once, on purpose: it is the only way into a fresh installation.
            console.accept(adminPassword);
            log.warn("No sign-in is configured: the local \"admin\" user's password was generated; it is printed on "
                    + "the console (not in the log) when start-up ends. Set LOCAL_ADMIN_PASSWORD to choose one.");
        }
        if (adminPassword != null) {
            users.add(user(LocalSignInProperties.ADMIN, encoder.encode(adminPassword), Role.ADMIN));
        }
        for (int i = 0; i < properties.users().size(); i++) {
            LocalSignInProperties.User user = properties.users().get(i);
            String setting = "local-sign-in.users[" + i + "]";
            checkHash(user.passwordHash(), encoder, setting + ".password-hash");
            users.add(user(user.username(), user.passwordHash(), LocalSignInProperties.roleOf(user, setting)));
        }
        log.info("Local sign-in: {}",
                users.stream()
                    .map(user -> user.getUsername() + " (" + Role.highestOf(user.getAuthorities()).label() + ")")
                    .collect(Collectors.joining(", ")));
        return new InMemoryUserDetailsManager(users);
    }

    /**
     * The break-glass users beside single sign-on. They must be configured: a password
     * generated and printed at every start would be a way in that nobody chose.
     */
    static InMemoryUserDetailsManager breakGlass(LocalSignInProperties properties, PasswordEncoder encoder) {
        if (!properties.isConfigured()) {
            throw new InvalidSettingException("LOCAL_SIGN_IN_ENABLED (local-sign-in.enabled)",
                    "is true, but no local user is configured: set LOCAL_ADMIN_PASSWORD or list local-sign-in.users");
        }
        return from(properties, encoder, line -> {
            throw new IllegalStateException("Configured local users need no generated password");
        });
    }

    /**
     * Refuses at start-up a hash no one could ever sign in with: one whose {id} names no
     * encoder (signing in would fail with an error), or a {bcrypt} one that is not a
     * bcrypt hash (it would never match). The hash itself never appears in the message.
     * The monitoring password's hash too.
     */
    public static void checkHash(String hash, PasswordEncoder encoder, String setting) {
        try {
            // Any password will do: only whether an encoder takes the hash matters.
            encoder.matches("start-up check", hash);
        }
        catch (IllegalArgumentException unknownEncoder) {
            throw new InvalidSettingException(setting,
                    "names no known password encoder; use {bcrypt}, {argon2}, {scrypt} or {pbkdf2}");
        }
        if (hash.startsWith("{bcrypt}") && !BCRYPT.matcher(hash.substring("{bcrypt}".length())).matches()) {
            throw new InvalidSettingException(setting,
                    "is not a bcrypt hash (expected $2a$, $2b$ or $2y$, a cost and 53 more characters)");
        }
    }

    private static UserDetails user(String username, String passwordHash, Role role) {
        return User.withUsername(username).password(passwordHash).authorities(role.authorities()).build();
    }

    /**
     * 25 letters and digits, about 149 bits (as much as the 18 random bytes it replaced):
     * no {@code -} or {@code _}, at which a double click in a terminal would stop
     * selecting.
     */
    static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

}
