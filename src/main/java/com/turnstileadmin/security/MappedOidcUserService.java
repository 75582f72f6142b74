package com.turnstileadmin.security;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The signed-in provider user as the app sees them: the authorities of their {@link Role}
 * (none without one, instead of Spring's {@code OIDC_USER} and scope authorities) and, as
 * their name, the claim {@link DisplayNameClaim} chooses. Spring's own service still
 * fetches user-info and checks that its subject is the ID token's.
 */
final class MappedOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger log = LoggerFactory.getLogger(MappedOidcUserService.class);

    private final OidcUserService provider = new OidcUserService();

    private final OidcRoleMapping roles;

    private final String nameClaim;

    MappedOidcUserService(OidcRoleMapping roles, String nameClaim) {
        this.roles = roles;
        this.nameClaim = nameClaim;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        Map<String, Object> userInfo = user.getUserInfo() == null ? Map.of() : user.getUserInfo().getClaims();
        Role role = roles.roleOf(user.getIdToken().getClaims(), userInfo);
        String nameKey = DisplayNameClaim.choose(user.getClaims(), nameClaim);
        if (role == null) {
            // What an administrator needs to give them access: the groups the provider
            // actually sent.
            // Named as the no-access page names them, with the subject, which alone means
            // nothing to a person.
            log.info("{} (subject {}) signed in without a role; the roles claim lists {}",
                    oneLine(user.getClaims().get(nameKey)), oneLine(user.getSubject()),
                    oneLine(roles.groupsIn(user.getClaims())));
        }
        return new DefaultOidcUser(role == null ? List.of() : role.authorities(), user.getIdToken(), user.getUserInfo(),
                nameKey);
    }

    /**
     * A claim as one line: a display name is often the user's own to edit at the
     * provider, and a line break in it would let them forge a log line.
     */
    private static String oneLine(@Nullable Object claim) {
        return String.valueOf(claim).replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}]", "?");
    }

}
