package com.turnstileadmin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.turnstileadmin.account.InvalidSettingException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

class LocalUsersTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private final Logger logger = (Logger) LoggerFactory.getLogger(LocalUsers.class);

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    private final List<String> console = new ArrayList<>();

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
    void withNothingConfiguredARandomAdminPasswordGoesToTheConsoleNeverToTheLogAndSignsIn() {
        InMemoryUserDetailsManager users = LocalUsers.from(new LocalSignInProperties(null, null), encoder,
                console::add);

        String password = assertThat(console).singleElement().actual();
        assertThat(encoder.matches(password, users.loadUserByUsername("admin").getPassword())).isTrue();
        ILoggingEvent warning = assertThat(log.list).filteredOn(event -> event.getLevel() == Level.WARN)
            .singleElement()
            .actual();
        assertThat(warning.getFormattedMessage()).contains("printed on the console").doesNotContain(password);
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(line -> line.contains(password));
    }

    @Test
    void theGeneratedPasswordIsLettersAndDigitsOnlySoThatADoubleClickSelectsItWhole() {
        for (int i = 0; i < 200; i++) {
            // 25 of 62 characters: log2(62) * 25 = 148.9 bits, no less than the 18 random
            // bytes before.
            assertThat(LocalUsers.randomPassword()).matches("[A-Za-z0-9]{25}");
        }
    }

    @Test
    void theGeneratedPasswordDiffersAtEveryStart() {
        LocalUsers.from(new LocalSignInProperties(null, null), encoder, console::add);
        LocalUsers.from(new LocalSignInProperties(null, null), encoder, console::add);

        assertThat(console).doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    void withLocalAdminPasswordNothingIsPrintedAndAdminMayDoEverything() {
        UserDetails admin = LocalUsers.from(new LocalSignInProperties("correct horse", null), encoder, console::add)
            .loadUserByUsername("admin");

        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
            .containsExactly("Local sign-in: admin (admin)");
        assertThat(console).isEmpty();
        assertThat(encoder.matches("correct horse", admin.getPassword())).isTrue();
        assertThat(roles(admin)).containsExactlyInAnyOrder("ROLE_VIEWER", "ROLE_EDITOR", "ROLE_ADMIN");
    }

    @Test
    void configuredUsersGetTheirRolesAuthoritiesAndNoAdminIsMade() {
        InMemoryUserDetailsManager users = LocalUsers.from(new LocalSignInProperties(null, List
            .of(LocalSignInPropertiesTest.user("alice", "editor"), LocalSignInPropertiesTest.user("bob", "viewer"))),
                encoder, console::add);

        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
            .containsExactly("Local sign-in: alice (editor), bob (viewer)");
        assertThat(users.userExists("admin")).isFalse();
        assertThat(roles(users.loadUserByUsername("alice"))).containsExactlyInAnyOrder("ROLE_VIEWER", "ROLE_EDITOR");
        assertThat(roles(users.loadUserByUsername("bob"))).containsExactly("ROLE_VIEWER");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|',
            value = { "{sha999}abc | local-sign-in.users[0].password-hash names no known password encoder",
                    "{bcrypt}not-a-hash | local-sign-in.users[0].password-hash is not a bcrypt hash",
                    "{bcrypt}$2a$10$tooShort | local-sign-in.users[0].password-hash is not a bcrypt hash" })
    void aHashNoOneCouldSignInWithStopsStartUpWithoutShowingIt(String hash, String message) {
        LocalSignInProperties properties = new LocalSignInProperties(null,
                List.of(new LocalSignInProperties.User("vera", hash, "viewer")));

        assertThatThrownBy(() -> LocalUsers.from(properties, encoder, console::add))
            .isInstanceOf(InvalidSettingException.class)
            .hasMessageStartingWith(message)
            .message()
            .doesNotContain(hash.substring(hash.indexOf('}') + 1));
    }

    @Test
    void htpasswdsBcryptHashesAreAccepted() {
        String hash = "{bcrypt}"
                + new BCryptPasswordEncoder(BCryptPasswordEncoder.BCryptVersion.$2Y, 4).encode("vera's password");

        UserDetails vera = LocalUsers
            .from(new LocalSignInProperties(null, List.of(new LocalSignInProperties.User("vera", hash, "viewer"))),
                    encoder, console::add)
            .loadUserByUsername("vera");

        assertThat(encoder.matches("vera's password", vera.getPassword())).isTrue();
    }

    private static List<String> roles(UserDetails user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

}
