package com.turnstileadmin.time;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;

/**
 * The app's one clock, UTC. Everything that reads the time takes this bean, so that a
 * test can give the whole app another (a clock it moves): a {@link Clock} bean of its own
 * wins over this fallback.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    @Bean
    @Fallback
    Clock systemClock() {
        return Clock.systemUTC();
    }

}
