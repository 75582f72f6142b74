package com.turnstileadmin.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;

/**
 * The no-role log line names the user by claims that the user may be able to edit at the
 * provider.
 */
class MappedOidcUserServiceTest {

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    private final Logger serviceLog = (Logger) LoggerFactory.getLogger(MappedOidcUserService.class);

    @BeforeEach
    void listen() {
        log.start();
        serviceLog.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        serviceLog.detachAppender(log);
    }

    @Test
    void aDisplayNameWithALineBreakCannotForgeALogLine() {
        new MappedOidcUserService(new OidcRoleMapping("groups", List.of("admins"), List.of(), List.of()), "name")
            .loadUser(request("Eve\r\n2026-03-01T12:00:00Z INFO Single sign-on: admin signed in", List.of("x\ny")));

        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).singleElement().satisfies(line -> {
            assertThat(line).doesNotContain("\n", "\r").startsWith("Eve").contains("without a role");
        });
    }

    private static OidcUserRequest request(String name, List<String> groups) {
        Instant now = Instant.now();
        ClientRegistration registration = ClientRegistration.withRegistrationId("oidc")
            .clientId("turnstile-admin")
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .scope("openid")
            .authorizationUri("https://sso.example.com/authorize")
            .tokenUri("https://sso.example.com/token")
            .jwkSetUri("https://sso.example.com/jwks")
            .build();
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token")
            .subject("f3b1c2d4")
            .claim("name", name)
            .claim("groups", groups)
            .issuer("https://sso.example.com")
            .issuedAt(now)
            .expiresAt(now.plusSeconds(60))
            .build();
        return new OidcUserRequest(registration,
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access", now, now.plusSeconds(60)), idToken);
    }

}
