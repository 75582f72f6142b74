package com.turnstileadmin.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is signed in, for the page header ({@code @signedIn.current()} in templates), and
 * what the page offers them ({@code @signedIn.may('EDITOR')}). Read from the request's
 * security context rather than the model, so that error pages, whose model no controller
 * advice fills, show the header as every other page does. Services never use it: who may
 * call them is enforced by method security.
 */
@Component("signedIn")
public class SignedInUsers {

    /**
     * The signed-in user, or {@code null} on the sign-in page and for anonymous requests.
     */
    public @Nullable SignedInUser current() {
        Authentication authentication = signedIn();
        return authentication == null ? null : SignedInUser.of(authentication);
    }

    /**
     * Whether the signed-in user has {@code role}, as {@code hasRole} says it: each
     * role's authority is granted with those of the roles below it
     * ({@link Role#authorities()}). Thymeleaf's {@code sec:authorize} said the same, but
     * parsed its Spring EL expression anew each time it was met: about a quarter of all
     * the memory the app allocated under the load benchmark. It only decides what a page
     * offers; method security decides what may be done.
     */
    public boolean may(Role role) {
        Authentication authentication = signedIn();
        if (authentication == null) {
            return false;
        }
        return authentication.getAuthorities()
            .stream()
            .anyMatch(granted -> role.authority().equals(granted.getAuthority()));
    }

    private static @Nullable Authentication signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return authentication;
    }

}
