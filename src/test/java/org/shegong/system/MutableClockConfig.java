package org.shegong.system;

import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the application's clock with one the test moves; {@code @Import} it into a Spring test. */
@TestConfiguration
public class MutableClockConfig {

    public static final Instant START = Instant.parse("2025-03-01T02:00:00Z");

    @Bean
    @Primary
    public MutableClock testClock() {
        return new MutableClock(START);
    }
}
