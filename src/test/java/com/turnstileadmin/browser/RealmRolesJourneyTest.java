package com.turnstileadmin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Roles from a nested claim, as Keycloak sends realm roles
 * ({@code OIDC_ROLES_CLAIM=realm_access.roles}). The one journey class with a context of
 * its own, since the claim is a start-up setting.
 */
@TestPropertySource(properties = "oidc.roles-claim=realm_access.roles")
class RealmRolesJourneyTest extends SingleSignOnJourney {

    @Test
    void theRoleComesFromTheNestedClaimAndAFlatGroupsClaimNoLongerCounts(Page page) {
        signIn(page, "kim-subject", "{\"preferred_username\": \"kim\", \"groups\": [\"ta-admins\"], "
                + "\"realm_access\": {\"roles\": [\"offline_access\", \"ta-editors\"]}}");

        assertThat(page.locator(".signed-in-user > span")).hasText("kim");
        assertThat(page.locator(".signed-in-user .role")).hasText("editor role");
    }

}
