package com.turnstileadmin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Turnstile Admin: a self-hosted dashboard for a team's Cloudflare Turnstile widgets. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TurnstileAdminApplication {

    public static void main(String[] args) {
        SpringApplication.run(TurnstileAdminApplication.class, args);
    }
}
