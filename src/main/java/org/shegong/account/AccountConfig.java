package org.shegong.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class AccountConfig {

    /** BCrypt at cost 12 (about a quarter second per check): slow for a guesser, fine for a person logging in. */
    @Bean
    PasswordEncoder passwordEncoder(org.springframework.core.env.Environment environment) {
        return new BCryptPasswordEncoder(environment.getProperty("shegong.security.bcrypt-cost", Integer.class, 12));
    }
}
