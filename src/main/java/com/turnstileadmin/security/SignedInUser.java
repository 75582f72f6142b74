package com.turnstileadmin.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who is signed in: the header shows them, and the audit trail records them as the actor
 * of what they do. Controllers receive it as a handler argument
 * ({@link SignedInUserArgumentResolver}) and pass it to services, which never read the
 * security context themselves.
 *
 * @param subject who they are for good: the provider's {@code sub} claim, or
 * {@code local:<name>} for a user of the local sign-in form
 * @param name the name to show
 * @param email their e-mail address, when the provider gives one
 * @param role {@code null} for a user without any role
 */
public record SignedInUser(String subject, String name, @Nullable String email, @Nullable Role role) {

    /**
     * The prefix of a local user's {@link #subject}, which no provider's subject is
     * mistaken for.
     */
    static final String LOCAL_SUBJECT_PREFIX = "local:";

    static SignedInUser of(Authentication authentication) {
        Role role = Role.highestOf(authentication.getAuthorities());
        if (authentication.getPrincipal() instanceof OidcUser oidcUser) {
            return new SignedInUser(oidcUser.getSubject(), authentication.getName(), oidcUser.getEmail(), role);
        }
        return new SignedInUser(LOCAL_SUBJECT_PREFIX + authentication.getName(), authentication.getName(), null, role);
    }
}
