package com.turnstileadmin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.turnstileadmin.HttpVisitor;
import com.turnstileadmin.HttpVisitor.Response;
import com.turnstileadmin.sandbox.MutableClock;
import com.turnstileadmin.sandbox.SandboxServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * Password guessing over real HTTP, on the sign-in form and on the monitoring endpoints'
 * HTTP Basic: five wrong passwords lock a user name (twenty, an address) even against the
 * right password, until the lockout ends on a clock the test moves; every failure,
 * refusal, 403 and CSRF refusal is logged, never with a password. Each test comes from an
 * address of its own ({@code X-Forwarded-For} from loopback, a trusted proxy), so that
 * their failures do not add up.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {
        // The defaults of application.yml, which the tests' application.properties lifts
        // for other tests.
        "sign-in-throttle.max-failures=5", "sign-in-throttle.max-failures-per-address=20",
        "local-sign-in.users[0].username=editor",
        "local-sign-in.users[0].password-hash={noop}" + PasswordGuessingTest.PASSWORD,
        "local-sign-in.users[0].role=editor", "local-sign-in.users[1].username=viewer",
        "local-sign-in.users[1].password-hash={noop}" + PasswordGuessingTest.PASSWORD,
        "local-sign-in.users[1].role=viewer", "local-sign-in.users[2].username=dana",
        "local-sign-in.users[2].password-hash={noop}" + PasswordGuessingTest.PASSWORD,
        "local-sign-in.users[2].role=editor", "MONITORING_PASSWORD=" + PasswordGuessingTest.PASSWORD })
@ExtendWith(OutputCaptureExtension.class)
class PasswordGuessingTest {

    static final String PASSWORD = "the-right-password-4711";

    private static final String GUESS = "guessed-password-";

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClock {

        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.now());
        }

    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    SandboxServer sandbox;

    @Test
    void fiveWrongPasswordsLockTheUserNameAgainstTheRightOneUntilTheLockoutEnds(CapturedOutput output) {
        String address = "203.0.113.1";
        HttpVisitor visitor = new HttpVisitor(port);
        for (int i = 1; i <= 4; i++) {
            assertThat(signIn(visitor, address, "editor", GUESS + i).header("Location")).endsWith("/login?error");
        }

        assertThat(signIn(visitor, address, "editor", GUESS + 5).header("Location")).endsWith("/login?locked=1");
        Response rightPassword = signIn(visitor, address, "editor", PASSWORD);
        assertThat(rightPassword.header("Location")).as("refused with the right password").endsWith("/login?locked=1");
        assertThat(visitor.get("/", FORWARDED_FOR, address).header("Location")).as("not signed in").endsWith("/login");
        assertThat(visitor.get("/login?locked=1").body()).contains("Too many failed sign-ins; try again in 1 minute.");

        clock.advance(Duration.ofSeconds(61));
        assertThat(signIn(visitor, address, "editor", PASSWORD).header("Location")).as("after the lockout")
            .doesNotContain("/login");
        assertThat(output).contains("Sign-in failed on the sign-in form: user \"editor\" from " + address)
            .contains("Sign-in refused on the sign-in form without checking the password: user \"editor\" from "
                    + address)
            .doesNotContain(GUESS)
            .doesNotContain(PASSWORD);
    }

    @Test
    void eachFailureAfterTheLockoutLocksTwiceAsLong() {
        String address = "203.0.113.2";
        HttpVisitor visitor = new HttpVisitor(port);
        for (int i = 1; i <= 5; i++) {
            signIn(visitor, address, "viewer", GUESS + i);
        }
        clock.advance(Duration.ofSeconds(61));

        assertThat(signIn(visitor, address, "viewer", GUESS + 6).header("Location")).endsWith("/login?locked=2");
        clock.advance(Duration.ofSeconds(61));
        assertThat(signIn(visitor, address, "viewer", PASSWORD).header("Location")).as("a minute is not enough")
            .endsWith("/login?locked=1");
        clock.advance(Duration.ofSeconds(60));
        assertThat(signIn(visitor, address, "viewer", PASSWORD).header("Location")).doesNotContain("/login");
    }

    @Test
    void aUserNameThatDoesNotExistIsLockedAlikeSoTheLockoutTellsNothing() {
        String address = "203.0.113.3";
        HttpVisitor visitor = new HttpVisitor(port);
        String[] answers = new String[2];
        String[] names = { "dana", "no-such-user" };
        for (int user = 0; user < 2; user++) {
            for (int i = 1; i <= 5; i++) {
                answers[user] = signIn(visitor, address, names[user], GUESS + i).header("Location");
            }
        }

        assertThat(answers[1]).isEqualTo(answers[0]).endsWith("/login?locked=1");
        clock.advance(Duration.ofMinutes(2));
    }

    @Test
    void anAddressTryingManyUserNamesIsLockedForEveryUserButOnlyThere() {
        String address = "203.0.113.4";
        HttpVisitor visitor = new HttpVisitor(port);
        for (int i = 1; i <= 20; i++) {
            signIn(visitor, address, "made-up-" + i, GUESS + i);
        }

        assertThat(signIn(visitor, address, "viewer", PASSWORD).header("Location")).endsWith("/login?locked=1");
        assertThat(signIn(new HttpVisitor(port), "203.0.113.5", "viewer", PASSWORD).header("Location"))
            .as("from elsewhere")
            .doesNotContain("/login");
        clock.advance(Duration.ofMinutes(2));
    }

    @Test
    void theMonitoringUsersHttpBasicIsThrottledToo(CapturedOutput output) {
        String address = "203.0.113.6";
        for (int i = 1; i <= 5; i++) {
            assertThat(scrape(address, GUESS + i).status()).isEqualTo(401);
        }

        Response locked = scrape(address, PASSWORD);
        assertThat(locked.status()).as("the right password, locked").isEqualTo(429);
        assertThat(locked.header("Retry-After")).isEqualTo("60");
        assertThat(locked.header("WWW-Authenticate")).isEmpty();
        clock.advance(Duration.ofSeconds(61));
        assertThat(scrape(address, PASSWORD).status()).isEqualTo(200);
        assertThat(output)
            .contains("Sign-in failed on the monitoring endpoints' HTTP Basic: user \"monitoring\" from " + address)
            .contains("Sign-in refused on the monitoring endpoints' HTTP Basic")
            .doesNotContain(GUESS)
            .doesNotContain(PASSWORD);
    }

    @Test
    void refusedRequestsAndCsrfRefusalsAreLoggedWithTheUserAndThePath(CapturedOutput output) {
        String address = "203.0.113.7";
        HttpVisitor viewer = new HttpVisitor(port);
        signIn(viewer, address, "viewer", PASSWORD);
        String newWidget = "/accounts/" + sandbox.accountId().value() + "/widgets/new";

        assertThat(viewer.get(newWidget, FORWARDED_FOR, address).status()).isEqualTo(403);
        assertThat(viewer.postWithoutCsrf("/logout", Map.of(), FORWARDED_FOR, address).status()).isEqualTo(403);

        assertThat(output)
            .contains("Access denied: user \"viewer\" may not GET " + newWidget + " (from " + address + ")")
            .contains("CSRF refusal: POST /logout by user \"viewer\" from " + address);
    }

    private static Response signIn(HttpVisitor visitor, String address, String username, String password) {
        visitor.get("/login", FORWARDED_FOR, address);
        return visitor.post("/login", Map.of("username", username, "password", password), FORWARDED_FOR, address);
    }

    private Response scrape(String address, String password) {
        String basic = Base64.getEncoder().encodeToString(("monitoring:" + password).getBytes(StandardCharsets.UTF_8));
        return new HttpVisitor(port).get("/actuator/prometheus", "Authorization", "Basic " + basic, FORWARDED_FOR,
                address);
    }

}
