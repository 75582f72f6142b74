package com.turnstileadmin.security;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Whether a stored session may still act as whom it was signed in as, decided at each
 * request from the session itself and this instance's configuration, never from one
 * replica's memory: it ends once older than the longest lifetime, when its local user is
 * no longer configured or their password changed, and it takes on at once the role the
 * configuration gives its user now (a local user's; a provider user's, from the groups
 * their ID token and user-info listed at sign-in, mapped as the groups are configured
 * now: the app asks the provider nothing after sign-in). A signed-in session without the
 * sign-in's record (made before this check existed, or otherwise) ends too.
 */
final class SessionChecks {

    /** When the session signed in (epoch milliseconds), written at sign-in. */
    static final String SIGNED_IN_AT = "turnstile.signed-in-at";

    /** A local user's {@link LocalAccounts.Account#credential()} at sign-in. */
    static final String CREDENTIAL = "turnstile.credential";

    /** What becomes of a session. */
    sealed interface Verdict {

        /** It goes on as it is. */
        record Keep() implements Verdict {
        }

        /** It is signed out, for this reason (said in the log). */
        record End(String reason) implements Verdict {
        }

        /**
         * It goes on as {@code authentication}, whose role the configuration now gives.
         */
        record Change(Authentication authentication, @Nullable Role from, @Nullable Role to) implements Verdict {
        }

    }

    private final @Nullable LocalAccounts localAccounts;

    private final OidcRoleMapping oidcRoles;

    private final String nameClaim;

    private final Duration maxLifetime;

    private final Clock clock;

    SessionChecks(@Nullable LocalAccounts localAccounts, OidcProperties oidc, Duration maxLifetime, Clock clock) {
        this.localAccounts = localAccounts;
        this.oidcRoles = OidcRoleMapping.of(oidc);
        this.nameClaim = oidc.nameClaim();
        this.maxLifetime = maxLifetime;
        this.clock = clock;
    }

    /** Writes the sign-in's record into the session just signed in. */
    void signedIn(Authentication authentication, HttpSession session) {
        session.setAttribute(SIGNED_IN_AT, clock.millis());
        LocalAccounts.Account account = localAccount(authentication);
        if (account != null) {
            session.setAttribute(CREDENTIAL, account.credential());
        }
        else {
            session.removeAttribute(CREDENTIAL);
        }
    }

    Verdict check(Authentication authentication, HttpSession session) {
        if (!(session.getAttribute(SIGNED_IN_AT) instanceof Long signedInAt)) {
            return new Verdict.End("signed in before sessions were checked");
        }
        if (Duration.between(Instant.ofEpochMilli(signedInAt), clock.instant()).compareTo(maxLifetime) > 0) {
            return new Verdict.End("signed in longer ago than SESSION_MAX_LIFETIME (" + maxLifetime + ")");
        }
        if (authentication instanceof OAuth2AuthenticationToken token
                && token.getPrincipal() instanceof OidcUser user) {
            return checkProviderUser(token, user);
        }
        if (authentication instanceof UsernamePasswordAuthenticationToken
                && authentication.getPrincipal() instanceof UserDetails) {
            return checkLocalUser(authentication, session.getAttribute(CREDENTIAL));
        }
        return new Verdict.End("signed in in a way this app does not offer");
    }

    private Verdict checkLocalUser(Authentication authentication, @Nullable Object credential) {
        LocalAccounts.Account account = localAccount(authentication);
        if (account == null) {
            return new Verdict.End("no longer a local user");
        }
        if (!account.credential().equals(credential)) {
            return new Verdict.End("the password changed");
        }
        Role role = Role.highestOf(authentication.getAuthorities());
        if (role == account.role()) {
            return new Verdict.Keep();
        }
        return new Verdict.Change(UsernamePasswordAuthenticationToken.authenticated(authentication.getPrincipal(), null,
                account.role().authorities()), role, account.role());
    }

    private Verdict checkProviderUser(OAuth2AuthenticationToken token, OidcUser user) {
        Map<String, Object> userInfo = user.getUserInfo() == null ? Map.of() : user.getUserInfo().getClaims();
        Role now = oidcRoles.roleOf(user.getIdToken().getClaims(), userInfo);
        Role before = Role.highestOf(token.getAuthorities());
        if (now == before) {
            return new Verdict.Keep();
        }
        List<GrantedAuthority> authorities = now == null ? List.of() : now.authorities();
        OidcUser mapped = new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(),
                DisplayNameClaim.choose(user.getClaims(), nameClaim));
        return new Verdict.Change(
                new OAuth2AuthenticationToken(mapped, authorities, token.getAuthorizedClientRegistrationId()), before,
                now);
    }

    private LocalAccounts.@Nullable Account localAccount(Authentication authentication) {
        if (localAccounts == null || !(authentication instanceof UsernamePasswordAuthenticationToken)) {
            return null;
        }
        return localAccounts.find(authentication.getName());
    }

}
