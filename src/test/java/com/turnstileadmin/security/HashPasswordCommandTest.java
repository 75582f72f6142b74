package com.turnstileadmin.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.TurnstileAdminApplication;
import com.turnstileadmin.deploy.ModernJdk;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The app's main entry with {@code hash-password}, run as an administrator runs it (a
 * process of its own, the password piped in), on the build's JDK and on a modern one as
 * in the Docker image (from JDK 22 a console exists even for piped input).
 */
class HashPasswordCommandTest {

    private static final String PASSWORD = "dana's Sup3r secret";

    static Stream<Path> javas() {
        Path running = Path.of(System.getProperty("java.home"), "bin", "java");
        return Stream.concat(Stream.of(running), ModernJdk.find().map(ModernJdk::java).stream()).distinct();
    }

    @ParameterizedTest
    @MethodSource("javas")
    void printsABcryptHashReadyForTheConfigurationAndNeverThePasswordNorStartsTheApp(Path java) throws Exception {
        Result result = hashPassword(java, PASSWORD + "\n");

        assertThat(result.status()).as(result.toString()).isZero();
        String hash = assertThat(result.out().lines().toList()).singleElement().actual();
        assertThat(hash).matches("\\{bcrypt}\\$2a\\$10\\$[./A-Za-z0-9]{53}");
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches(PASSWORD, hash)).isTrue();
        assertThat(new BCryptPasswordEncoder().matches(PASSWORD, hash.substring("{bcrypt}".length()))).isTrue();
        assertThat(result.out() + result.err()).doesNotContain(PASSWORD, "Sup3r", "Tomcat", "Started");
    }

    @ParameterizedTest
    @MethodSource("javas")
    void withNoPasswordItPrintsNoHashAndFails(Path java) throws Exception {
        Result result = hashPassword(java, "");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("No password given");
    }

    private record Result(int status, String out, String err) {
    }

    private static Result hashPassword(Path java, String stdin) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                TurnstileAdminApplication.class.getName(), HashPasswordCommand.NAME))
            .start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ends by itself").isTrue();
        return new Result(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

}
