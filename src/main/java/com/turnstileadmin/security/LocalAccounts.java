package com.turnstileadmin.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The local users as this instance's configuration has them now, for
 * {@link SessionChecks}: each one's role, and a fingerprint of their credential that a
 * session keeps from its sign-in. A new password (hash) gives a new fingerprint, which
 * ends the sessions signed in with the old one.
 *
 * <p>
 * The fingerprint is the same on every replica and after a restart with the same
 * settings, so it is derived from the configured value itself
 * ({@code LOCAL_ADMIN_PASSWORD}, or the user's hash), never from the admin's hash, which
 * is salted anew at each start. It is PBKDF2 with many rounds, so that a copy of the
 * session table does not make guessing the password any cheaper than the hash would.
 */
final class LocalAccounts {

    /** A local user as configured now. */
    record Account(Role role, String credential) {
    }

    private static final int ROUNDS = 100_000;

    private final Map<String, Account> accounts = new HashMap<>();

    LocalAccounts(InMemoryUserDetailsManager users, LocalSignInProperties properties) {
        if (users.userExists(LocalSignInProperties.ADMIN)) {
            // Configured, or else generated for this start only (and then its hash, new
            // at each start, will do).
            String admin = properties.adminPassword() != null ? properties.adminPassword()
                    : users.loadUserByUsername(LocalSignInProperties.ADMIN).getPassword();
            add(users.loadUserByUsername(LocalSignInProperties.ADMIN), admin);
        }
        for (LocalSignInProperties.User user : properties.users()) {
            add(users.loadUserByUsername(user.username()), user.passwordHash());
        }
    }

    /**
     * The user of that name as configured now; {@code null}: no such local user (any
     * longer).
     */
    @Nullable Account find(String username) {
        return accounts.get(username.toLowerCase(Locale.ROOT));
    }

    private void add(UserDetails user, @Nullable String credential) {
        Role role = Role.highestOf(user.getAuthorities());
        if (role != null && credential != null) {
            accounts.put(user.getUsername().toLowerCase(Locale.ROOT),
                    new Account(role, fingerprint(user.getUsername(), credential)));
        }
    }

    static String fingerprint(String username, String credential) {
        byte[] salt = ("turnstile-admin session credential of " + username.toLowerCase(Locale.ROOT))
            .getBytes(StandardCharsets.UTF_8);
        PBEKeySpec spec = new PBEKeySpec(credential.toCharArray(), salt, ROUNDS, 128);
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return Base64.getEncoder().withoutPadding().encodeToString(key);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform has PBKDF2WithHmacSHA256", e);
        }
        finally {
            spec.clearPassword();
        }
    }

}
