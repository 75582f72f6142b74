package com.turnstileadmin.security;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a signed-in user may do (the table in the README's "Roles and sign-in"). Each role
 * includes the ones below it, and a user is granted the authorities of all of them, so
 * {@code hasRole('EDITOR')} holds for an admin too without a role hierarchy that every
 * check would have to know about.
 */
public enum Role {

    VIEWER, EDITOR, ADMIN;

    /** {@code ROLE_VIEWER} and so on, for this role and every role it includes. */
    public List<GrantedAuthority> authorities() {
        return Arrays.stream(values())
            .filter(role -> role.ordinal() <= ordinal())
            .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority()))
            .toList();
    }

    /** The authority {@code hasRole} looks for: {@code ROLE_EDITOR} and so on. */
    public String authority() {
        return "ROLE_" + name();
    }

    /**
     * The role as the configuration and the page header spell it: {@code viewer},
     * {@code editor}, {@code admin}.
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The highest role among the authorities, or {@code null} for a user without one. */
    public static Role highestOf(Iterable<? extends GrantedAuthority> authorities) {
        Role highest = null;
        for (GrantedAuthority authority : authorities) {
            for (Role role : values()) {
                if (role.authority().equals(authority.getAuthority())
                        && (highest == null || role.compareTo(highest) > 0)) {
                    highest = role;
                }
            }
        }
        return highest;
    }

}
