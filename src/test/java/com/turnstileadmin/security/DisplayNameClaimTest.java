package com.turnstileadmin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DisplayNameClaimTest {

    private static final Map<String, Object> ALL = Map.of("sub", "8f2c", "name", "Ada Lovelace", "email",
            "ada@example.com", "preferred_username", "ada", "upn", "ada@corp.example.com");

    @Test
    void theConfiguredClaimComesFirst() {
        assertThat(DisplayNameClaim.choose(ALL, "preferred_username")).isEqualTo("preferred_username");
        assertThat(DisplayNameClaim.choose(ALL, "upn")).isEqualTo("upn");
    }

    @Test
    void withoutItEmailThenNameThenSubjectStandIn() {
        assertThat(DisplayNameClaim.choose(Map.of("sub", "8f2c", "name", "Ada", "email", "ada@example.com"),
                "preferred_username"))
            .isEqualTo("email");
        assertThat(DisplayNameClaim.choose(Map.of("sub", "8f2c", "name", "Ada"), "preferred_username"))
            .isEqualTo("name");
        assertThat(DisplayNameClaim.choose(Map.of("sub", "8f2c"), "preferred_username")).isEqualTo("sub");
    }

    @Test
    void aBlankClaimCountsAsAbsent() {
        assertThat(DisplayNameClaim.choose(Map.of("sub", "8f2c", "preferred_username", " ", "email", ""),
                "preferred_username"))
            .isEqualTo("sub");
    }

}
