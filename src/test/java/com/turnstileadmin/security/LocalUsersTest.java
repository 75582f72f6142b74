package com.turnstileadmin.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

class LocalUsersTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final Logger logger = (Logger) LoggerFactory.getLogger(LocalUsers.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureTheLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stopCapturing() {
        logger.detachAppender(log);
    }

    @Test
    void withNothingConfiguredARandomAdminPasswordIsLoggedOnceAndSignsIn() {
        InMemoryUserDetailsManager users = LocalUsers.from(new LocalSignInProperties(null, null), encoder);

        ILoggingEvent warning = assertThat(log.list).singleElement().actual();
        String password = (String) warning.getArgumentArray()[0];
        assertThat(warning.getLevel()).isEqualTo(Level.WARN);
        assertThat(warning.getFormattedMessage()).contains(password, "LOCAL_ADMIN_PASSWORD");
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(encoder.matches(password, users.loadUserByUsername("admin").getPassword())).isTrue();
    }

    @Test
    void theGeneratedPasswordDiffersAtEveryStart() {
        LocalUsers.from(new LocalSignInProperties(null, null), encoder);
        LocalUsers.from(new LocalSignInProperties(null, null), encoder);

        assertThat(log.list).extracting(event -> event.getArgumentArray()[0]).doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    void withLocalAdminPasswordNothingIsLoggedAndAdminMayDoEverything() {
        UserDetails admin = LocalUsers.from(new LocalSignInProperties("correct horse", null), encoder)
                .loadUserByUsername("admin");

        assertThat(log.list).isEmpty();
        assertThat(encoder.matches("correct horse", admin.getPassword())).isTrue();
        assertThat(roles(admin)).containsExactlyInAnyOrder("ROLE_VIEWER", "ROLE_EDITOR", "ROLE_ADMIN");
    }

    @Test
    void configuredUsersGetTheirRolesAuthoritiesAndNoAdminIsMade() {
        InMemoryUserDetailsManager users = LocalUsers.from(new LocalSignInProperties(null, List.of(
                LocalSignInPropertiesTest.user("alice", "editor"), LocalSignInPropertiesTest.user("bob", "viewer"))),
                encoder);

        assertThat(log.list).isEmpty();
        assertThat(users.userExists("admin")).isFalse();
        assertThat(roles(users.loadUserByUsername("alice"))).containsExactlyInAnyOrder("ROLE_VIEWER", "ROLE_EDITOR");
        assertThat(roles(users.loadUserByUsername("bob"))).containsExactly("ROLE_VIEWER");
    }

    private static List<String> roles(UserDetails user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }
}
