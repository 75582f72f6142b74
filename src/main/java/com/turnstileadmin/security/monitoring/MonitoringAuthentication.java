package com.turnstileadmin.security.monitoring;

import com.turnstileadmin.security.LocalUsers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks the HTTP Basic credentials of the management endpoints against
 * {@link MonitoringProperties}, and nothing else: a dashboard user's password opens none
 * of them. A plain password is kept only as its SHA-256 digest and compared in constant
 * time; one given as a hash ({@code {bcrypt}...}) goes through the password encoder, as
 * the local users' do. Without a password nobody gets in.
 */
final class MonitoringAuthentication implements AuthenticationManager {

    static final String ROLE = "MONITORING";
    static final String PASSWORD = "MONITORING_PASSWORD (monitoring.password)";

    /**
     * A value that starts with an encoder's {id}, as DelegatingPasswordEncoder reads it.
     */
    private static final Pattern HASH = Pattern.compile("(?s)\\{[^{}]+}.+");

    private final String username;

    private final byte[] usernameDigest;

    private final @Nullable String passwordHash;

    private final byte @Nullable [] passwordDigest;

    private final PasswordEncoder encoder;

    private MonitoringAuthentication(String username, @Nullable String passwordHash, byte @Nullable [] passwordDigest,
            PasswordEncoder encoder) {
        this.username = username;
        this.usernameDigest = sha256(username);
        this.passwordHash = passwordHash;
        this.passwordDigest = passwordDigest;
        this.encoder = encoder;
    }

    /**
     * @throws com.turnstileadmin.account.InvalidSettingException for a value in the shape
     * of a hash ({@code {id}...}) that no encoder reads
     */
    static MonitoringAuthentication of(MonitoringProperties properties, PasswordEncoder encoder) {
        String password = properties.password();
        String username = properties.username();
        if (password == null) {
            return new MonitoringAuthentication(username, null, null, encoder);
        }
        if (!HASH.matcher(password).matches()) {
            return new MonitoringAuthentication(username, null, sha256(password), encoder);
        }
        LocalUsers.checkHash(password, encoder, PASSWORD);
        return new MonitoringAuthentication(username, password, null, encoder);
    }

    /** Whether anyone can be let in at all. */
    boolean isConfigured() {
        return passwordHash != null || passwordDigest != null;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String givenPassword = authentication.getCredentials() == null ? ""
                : authentication.getCredentials().toString();
        // Both compared every time, so that the time taken says nothing about which one
        // was wrong.
        boolean nameMatches = MessageDigest.isEqual(usernameDigest, sha256(authentication.getName()));
        boolean passwordMatches = passwordMatches(givenPassword);
        if (!(nameMatches & passwordMatches)) {
            throw new BadCredentialsException("Wrong monitoring credentials");
        }
        return UsernamePasswordAuthenticationToken.authenticated(username, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
    }

    private boolean passwordMatches(String given) {
        if (passwordHash != null) {
            return encoder.matches(given, passwordHash);
        }
        return passwordDigest != null && MessageDigest.isEqual(passwordDigest, sha256(given));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

}
