package com.turnstileadmin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;

class RoleTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "VIEWER | ROLE_VIEWER", "EDITOR | ROLE_VIEWER, ROLE_EDITOR",
            "ADMIN  | ROLE_VIEWER, ROLE_EDITOR, ROLE_ADMIN" })
    void eachRoleIncludesTheOnesBelowIt(Role role, String authorities) {
        assertThat(role.authorities()).extracting(GrantedAuthority::getAuthority)
            .containsExactly(authorities.split(", "));
    }

    @Test
    void theHighestRoleAmongTheAuthoritiesWins() {
        assertThat(Role.highestOf(Role.ADMIN.authorities())).isEqualTo(Role.ADMIN);
        assertThat(Role.highestOf(AuthorityUtils.createAuthorityList("ROLE_EDITOR", "FACTOR_PASSWORD", "ROLE_VIEWER")))
            .isEqualTo(Role.EDITOR);
    }

    @Test
    void withoutARoleThereIsNoHighest() {
        assertThat(Role.highestOf(List.of())).isNull();
        assertThat(Role.highestOf(AuthorityUtils.createAuthorityList("ROLE_OWNER", "VIEWER"))).isNull();
    }

    @Test
    void theLabelIsTheLowerCaseName() {
        assertThat(Role.EDITOR.label()).isEqualTo("editor");
    }

}
