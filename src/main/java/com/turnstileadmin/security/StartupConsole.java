package com.turnstileadmin.security;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * The one place that writes to the console rather than the log: a generated admin
 * password must reach whoever starts the app, but no log line may hold a secret (log
 * files are kept and shipped). It is printed once the app is ready, after Spring's
 * "Started ..." line, in a frame of its own with the address to open, so that it is
 * neither lost among the start-up lines nor selected in part.
 */
final class StartupConsole implements ApplicationListener<ApplicationReadyEvent> {

    private final PrintStream out;

    private final AtomicReference<@Nullable String> generatedPassword = new AtomicReference<>();

    StartupConsole() {
        this(System.out);
    }

    StartupConsole(PrintStream out) {
        this.out = out;
    }

    /** Keeps the password until the app is ready, then prints it once. */
    void showGeneratedPassword(String password) {
        generatedPassword.set(password);
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        // Taken, not read: printed once, and not held once printed.
        String password = generatedPassword.getAndSet(null);
        if (password != null) {
            out.println(block(address(event.getApplicationContext().getEnvironment()), password));
            out.flush();
        }
    }

    static String block(String address, String password) {
        String rule = "=".repeat(76);
        return String.join(System.lineSeparator(), "", rule, "  Turnstile Admin is ready: open " + address,
                "  and sign in as \"admin\" with this password, generated for this start only:", "",
                "      " + password, "", "  It changes at every start; set LOCAL_ADMIN_PASSWORD to choose one.", rule,
                "");
    }

    private static String address(Environment environment) {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String path = environment.getProperty("server.servlet.context-path", "");
        return "http://localhost:" + port + path + "/";
    }

}
