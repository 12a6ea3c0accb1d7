package org.shegong.account;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class AccountConfig {

    /**
     * New hashes are Argon2id ({@code {argon2}…}; OWASP's minimum of 19 MiB, 2 passes, 1 lane by default), which
     * has no length limit, unlike BCrypt's 72 bytes. Hashes stored before (plain BCrypt, no prefix) still match
     * and are replaced at the next successful login (docs/adr/0020).
     */
    @Bean
    PasswordEncoder passwordEncoder(Environment environment) {
        int memoryKib = environment.getProperty("shegong.security.argon2-memory-kib", Integer.class, 19 * 1024);
        int iterations = environment.getProperty("shegong.security.argon2-iterations", Integer.class, 2);
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(
                environment.getProperty("shegong.security.bcrypt-cost", Integer.class, 12));
        DelegatingPasswordEncoder delegating = new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", new Argon2PasswordEncoder(16, 32, 1, memoryKib, iterations),
                "bcrypt", bcrypt));
        delegating.setDefaultPasswordEncoderForMatches(bcrypt);
        return new NeverFailingPasswordEncoder(delegating);
    }

    /** A password an old encoder cannot take (BCrypt over 72 bytes) simply does not match: no 500. */
    private record NeverFailingPasswordEncoder(PasswordEncoder delegate) implements PasswordEncoder {

        @Override
        public String encode(CharSequence rawPassword) {
            return delegate.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            try {
                return delegate.matches(rawPassword, encodedPassword);
            } catch (IllegalArgumentException unusable) {
                return false;
            }
        }

        @Override
        public boolean upgradeEncoding(String encodedPassword) {
            return delegate.upgradeEncoding(encodedPassword);
        }
    }
}
