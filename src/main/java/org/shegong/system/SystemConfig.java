package org.shegong.system;

import java.time.Clock;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesScan("org.shegong")
class SystemConfig {

    /** One clock for the whole application, so tests can move time (scheduled publishing, digests). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
