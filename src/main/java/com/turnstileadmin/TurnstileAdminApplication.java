package com.turnstileadmin;

import com.turnstileadmin.security.HashPasswordCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Turnstile Admin: a self-hosted dashboard for a team's Cloudflare Turnstile widgets. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TurnstileAdminApplication {

    /**
     * Runs the app; with {@code hash-password} as first argument, only that command (no
     * web app).
     */
    public static void main(String[] args) {
        if (args.length > 0 && HashPasswordCommand.NAME.equals(args[0])) {
            System.exit(HashPasswordCommand.runOnTheConsole());
        }
        SpringApplication.run(TurnstileAdminApplication.class, args);
    }

}
