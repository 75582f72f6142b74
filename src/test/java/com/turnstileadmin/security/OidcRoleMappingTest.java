package com.turnstileadmin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OidcRoleMappingTest {

    private final OidcRoleMapping flat = mapping("groups");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none",
            value = { "ta-viewers                     | VIEWER", "ta-editors                     | EDITOR",
                    "ta-admins                      | ADMIN", "ta-viewers, ta-admins          | ADMIN",
                    "ta-editors, marketing          | EDITOR", "marketing                      | none",
                    "TA-ADMINS                      | none", "ta-admin                       | none" })
    void theHighestRoleWhoseGroupTheUserIsInWinsAndNamesMatchExactly(String memberships, Role role) {
        assertThat(flat.roleOf(Map.of("groups", List.of(memberships.split(", "))))).isEqualTo(role);
    }

    @Test
    void aUserWithoutTheClaimOrWithAnEmptyOneHasNoRole() {
        assertThat(flat.roleOf(Map.of("sub", "8f2c"))).isNull();
        assertThat(flat.roleOf(Map.of("groups", List.of()))).isNull();
    }

    @Test
    void aSingleGroupAsAStringCounts() {
        assertThat(flat.roleOf(Map.of("groups", "ta-editors"))).isEqualTo(Role.EDITOR);
    }

    @Test
    void anythingButNamesInTheClaimIsIgnored() {
        assertThat(flat.roleOf(Map.of("groups", 42))).isNull();
        assertThat(flat.roleOf(Map.of("groups", List.of(7, Map.of("name", "ta-admins"), "ta-viewers"))))
            .isEqualTo(Role.VIEWER);
    }

    @Test
    void aDottedPathReachesIntoNestedClaimsAsKeycloakSendsRealmRoles() {
        OidcRoleMapping keycloak = mapping("realm_access.roles");

        assertThat(keycloak.roleOf(Map.of("realm_access", Map.of("roles", List.of("offline_access", "ta-admins")))))
            .isEqualTo(Role.ADMIN);
        assertThat(keycloak.roleOf(Map.of("realm_access", Map.of("other", List.of("ta-admins"))))).isNull();
        assertThat(keycloak.roleOf(Map.of("realm_access", "ta-admins"))).isNull();
        assertThat(keycloak.roleOf(Map.of("groups", List.of("ta-admins")))).isNull();
    }

    @Test
    void aClaimWhoseNameContainsDotsIsReadByThatName() {
        OidcRoleMapping namespaced = mapping("https://turnstile.example.com/roles");

        assertThat(namespaced.roleOf(Map.of("https://turnstile.example.com/roles", List.of("ta-editors"))))
            .isEqualTo(Role.EDITOR);
    }

    @Test
    void groupsFromTheIdTokenAndFromUserInfoAreTakenTogether() {
        Map<String, Object> idToken = Map.of("groups", List.of("ta-viewers"));
        Map<String, Object> userInfo = Map.of("groups", List.of("ta-editors"));

        assertThat(flat.roleOf(idToken, userInfo)).isEqualTo(Role.EDITOR);
        assertThat(flat.roleOf(Map.of("sub", "8f2c"), userInfo)).isEqualTo(Role.EDITOR);
        assertThat(flat.roleOf(idToken, Map.of())).isEqualTo(Role.VIEWER);
    }

    @Test
    void withNoGroupsConfiguredNobodyHasARole() {
        OidcRoleMapping none = new OidcRoleMapping("groups", List.of(), List.of(), List.of());

        assertThat(none.roleOf(Map.of("groups", List.of("ta-admins")))).isNull();
    }

    private static OidcRoleMapping mapping(String claim) {
        return new OidcRoleMapping(claim, List.of("ta-admins"), List.of("ta-editors"), List.of("ta-viewers", "staff"));
    }

}
