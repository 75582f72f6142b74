package com.turnstileadmin.security.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.turnstileadmin.account.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The monitoring user's credentials: the settings as given, and who they let in. */
class MonitoringAuthenticationTest {

    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private static final String PASSWORD = "scrape-me-if-you-can";

    @Test
    void thePlainPasswordLetsTheMonitoringUserInWithTheMonitoringRole() {
        Authentication in = authentication(new MonitoringProperties(null, PASSWORD))
            .authenticate(basic("monitoring", PASSWORD));

        assertThat(in.isAuthenticated()).isTrue();
        assertThat(in.getName()).isEqualTo("monitoring");
        assertThat(in.getCredentials()).as("not kept once checked").isNull();
        assertThat(in.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_MONITORING");
    }

    @Test
    void aWrongNameOrPasswordIsRefusedAlike() {
        MonitoringAuthentication monitoring = authentication(new MonitoringProperties("prometheus", PASSWORD));

        assertThat(monitoring.authenticate(basic("prometheus", PASSWORD)).getName()).isEqualTo("prometheus");
        for (Authentication wrong : new Authentication[] { basic("monitoring", PASSWORD), basic("prometheus", "x"),
                basic("prometheus", PASSWORD + " "), basic("Prometheus", PASSWORD), basic("prometheus", "") }) {
            assertThatThrownBy(() -> monitoring.authenticate(wrong)).isInstanceOf(BadCredentialsException.class)
                .hasMessage("Wrong monitoring credentials");
        }
    }

    @Test
    void aBcryptHashStandsInForThePassword() {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
        MonitoringAuthentication monitoring = authentication(new MonitoringProperties(null, hash));

        assertThat(monitoring.authenticate(basic("monitoring", PASSWORD)).isAuthenticated()).isTrue();
        assertThatThrownBy(() -> monitoring.authenticate(basic("monitoring", hash)))
            .as("the hash itself is no password")
            .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void withoutAPasswordNobodyGetsIn() {
        MonitoringAuthentication monitoring = authentication(new MonitoringProperties("monitoring", " "));

        assertThat(monitoring.isConfigured()).isFalse();
        for (String password : new String[] { "", " ", "null" }) {
            assertThatThrownBy(() -> monitoring.authenticate(basic("monitoring", password)))
                .isInstanceOf(BadCredentialsException.class);
        }
    }

    @Test
    void aHashNoEncoderReadsOrABrokenBcryptHashStopsStartUpWithoutShowingIt() {
        assertThatThrownBy(() -> authentication(new MonitoringProperties(null, "{md4}8d5bd9ee02a7ed3f")))
            .isInstanceOf(InvalidSettingException.class)
            .hasMessageStartingWith("MONITORING_PASSWORD (monitoring.password) names no known password encoder")
            .hasMessageNotContaining("8d5bd9ee");
        assertThatThrownBy(() -> authentication(new MonitoringProperties(null, "{bcrypt}not-a-bcrypt-hash")))
            .isInstanceOf(InvalidSettingException.class)
            .hasMessageStartingWith("MONITORING_PASSWORD (monitoring.password) is not a bcrypt hash")
            .hasMessageNotContaining("not-a-bcrypt-hash");
    }

    @Test
    void blankSettingsFallBackAndTheNameCannotHoldAColon() {
        MonitoringProperties blank = new MonitoringProperties("  ", "");

        assertThat(blank.username()).isEqualTo("monitoring");
        assertThat(blank.password()).isNull();
        assertThat(blank.isConfigured()).isFalse();
        assertThatThrownBy(() -> new MonitoringProperties("prom:etheus", PASSWORD))
            .isInstanceOf(InvalidSettingException.class)
            .hasMessage("MONITORING_USERNAME (monitoring.username) must not contain a colon (HTTP Basic cannot "
                    + "send one)");
    }

    @Test
    void thePasswordNeverShowsInToString() {
        assertThat(new MonitoringProperties("prometheus", PASSWORD))
            .hasToString("MonitoringProperties[username=prometheus, password=set]");
        assertThat(new MonitoringProperties(null, null))
            .hasToString("MonitoringProperties[username=monitoring, password=unset]");
    }

    private static MonitoringAuthentication authentication(MonitoringProperties properties) {
        return MonitoringAuthentication.of(properties, ENCODER);
    }

    private static Authentication basic(String username, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    }

}
