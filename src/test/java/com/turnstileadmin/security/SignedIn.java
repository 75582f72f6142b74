package com.turnstileadmin.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Signs a MockMvc request in as a user with a role. The user gets
 * {@link Role#authorities()}, every role up to theirs, as the real sign-in grants them
 * (so not {@code roles("EDITOR")}, which would leave an editor without
 * {@code ROLE_VIEWER}).
 */
public final class SignedIn {

    private SignedIn() {
    }

    public static RequestPostProcessor as(Role role) {
        return user("alice").authorities(role.authorities());
    }

    public static RequestPostProcessor viewer() {
        return as(Role.VIEWER);
    }

    public static RequestPostProcessor editor() {
        return as(Role.EDITOR);
    }

    public static RequestPostProcessor admin() {
        return as(Role.ADMIN);
    }

}
