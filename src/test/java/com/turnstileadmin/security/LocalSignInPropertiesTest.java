package com.turnstileadmin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.turnstileadmin.account.InvalidSettingException;
import com.turnstileadmin.security.LocalSignInProperties.User;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class LocalSignInPropertiesTest {

    private static final String HASH = "{bcrypt}$2a$10$dXJ3SW6G7P50lGmMkkmwe.20cQQubK3.HZWzG3YB1tlRy.fqvM/BG";

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "  \t" })
    void aBlankAdminPasswordCountsAsUnset(String password) {
        LocalSignInProperties properties = new LocalSignInProperties(password, null);

        assertThat(properties.adminPassword()).isNull();
        assertThat(properties.users()).isEmpty();
        assertThat(properties.isConfigured()).isFalse();
    }

    @Test
    void anAdminPasswordOrAUserIsEnoughToBeConfigured() {
        assertThat(new LocalSignInProperties("correct horse", null).isConfigured()).isTrue();
        assertThat(new LocalSignInProperties(" ", List.of(user("alice", "viewer"))).isConfigured()).isTrue();
    }

    @Test
    void rolesAreReadWhateverTheirCase() {
        assertThat(LocalSignInProperties.roleOf(user("alice", " Editor "), "x")).isEqualTo(Role.EDITOR);
    }

    @ParameterizedTest
    @MethodSource("invalidUsers")
    void anInvalidUserStopsStartupNamingTheSetting(List<User> users, String setting) {
        assertThatThrownBy(() -> new LocalSignInProperties(null, users))
            .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.setting()).isEqualTo(setting))
            .hasMessageStartingWith(setting + " ")
            .hasMessageNotContaining("dXJ3SW6G7P50")
            .hasMessageNotContaining("$2a$10$unprefixedHash");
    }

    static Stream<Arguments> invalidUsers() {
        return Stream.of(Arguments.of(List.of(user(null, "viewer")), "local-sign-in.users[0].username"),
                Arguments.of(List.of(user("alice", "viewer"), user(" ", "viewer")), "local-sign-in.users[1].username"),
                Arguments.of(List.of(user("alice", "viewer"), user("alice", "editor")),
                        "local-sign-in.users[1].username"),
                Arguments.of(List.of(user("admin", "admin")), "local-sign-in.users[0].username"),
                Arguments.of(List.of(user("alice", "viewer"), user("Alice", "editor")),
                        "local-sign-in.users[1].username"),
                Arguments.of(List.of(user("Admin", "admin")), "local-sign-in.users[0].username"),
                Arguments.of(List.of(new User("alice", "$2a$10$unprefixedHash", "viewer")),
                        "local-sign-in.users[0].password-hash"),
                Arguments.of(List.of(new User("alice", null, "viewer")), "local-sign-in.users[0].password-hash"),
                Arguments.of(List.of(new User("alice", "{bcrypt$2a$10$unprefixedHash", "viewer")),
                        "local-sign-in.users[0].password-hash"),
                Arguments.of(List.of(new User("alice", "{}$2a$10$unprefixedHash", "viewer")),
                        "local-sign-in.users[0].password-hash"),
                Arguments.of(List.of(user("alice", "owner")), "local-sign-in.users[0].role"),
                Arguments.of(List.of(user("alice", "viewer"), user("bob", null)), "local-sign-in.users[1].role"));
    }

    @Test
    void toStringNeverShowsAPasswordOrHash() {
        LocalSignInProperties properties = new LocalSignInProperties("correct horse", List.of(user("alice", "viewer")));

        assertThat(properties.toString()).contains("alice", "viewer", "set")
            .doesNotContain("correct horse", "dXJ3SW6G7P50");
        assertThat(new LocalSignInProperties(null, null).toString()).contains("adminPassword=unset");
    }

    static User user(String username, String role) {
        return new User(username, HASH, role);
    }

}
