package com.turnstileadmin.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The one rule that turns a provider's claims into a {@link Role}: the groups in the
 * roles claim are compared, exactly, with the groups configured for each role, and the
 * highest matching role wins. A user matching none has no role (and sees the no-access
 * page), never an error.
 *
 * <p>
 * The roles claim is read as the claim of that exact name first (namespaced claims such
 * as {@code https://example.com/roles} contain dots), then as a dotted path into nested
 * claims ({@code realm_access.roles} in Keycloak). Its value may be a list or a single
 * string.
 */
final class OidcRoleMapping {

    private final String rolesClaim;

    private final Map<Role, List<String>> groups;

    OidcRoleMapping(String rolesClaim, List<String> adminGroups, List<String> editorGroups, List<String> viewerGroups) {
        this.rolesClaim = rolesClaim;
        this.groups = Map.of(Role.ADMIN, adminGroups, Role.EDITOR, editorGroups, Role.VIEWER, viewerGroups);
    }

    static OidcRoleMapping of(OidcProperties properties) {
        return new OidcRoleMapping(properties.rolesClaim(), properties.adminGroups(), properties.editorGroups(),
                properties.viewerGroups());
    }

    /**
     * The role of a user whose claims these are, or {@code null} for none.
     * @param claimSets the ID token's claims and the user-info endpoint's; groups in any
     * of them count
     */
    @SafeVarargs
    final @Nullable Role roleOf(Map<String, Object>... claimSets) {
        Set<String> memberships = new LinkedHashSet<>();
        for (Map<String, Object> claims : claimSets) {
            memberships.addAll(groupsIn(claims));
        }
        Role highest = null;
        for (Role role : Role.values()) {
            if (groups.get(role).stream().anyMatch(memberships::contains)) {
                highest = role;
            }
        }
        return highest;
    }

    /**
     * The user's groups as the roles claim lists them; none when it is absent or not a
     * list of names.
     */
    List<String> groupsIn(Map<String, Object> claims) {
        Object value = claims.containsKey(rolesClaim) ? claims.get(rolesClaim) : nested(claims, rolesClaim);
        if (value instanceof String single) {
            return List.of(single);
        }
        List<String> names = new ArrayList<>();
        if (value instanceof Collection<?> values) {
            for (Object element : values) {
                if (element instanceof String name) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static @Nullable Object nested(Map<String, Object> claims, String path) {
        Object current = claims;
        for (String step : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }

}
