package com.turnstileadmin.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/**
 * Who is signed in, as the page header shows it.
 *
 * @param role {@code null} for a user without any role
 */
public record SignedInUser(String name, @Nullable Role role) {

    static SignedInUser of(Authentication authentication) {
        return new SignedInUser(authentication.getName(), Role.highestOf(authentication.getAuthorities()));
    }
}
