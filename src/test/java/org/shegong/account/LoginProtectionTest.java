package org.shegong.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Parallel guesses, old hashes, long and common passwords. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:loginprotection;DB_CLOSE_DELAY=-1",
        "shegong.demo-content=false"})
class LoginProtectionTest {

    static final String PASSWORD = "correct-horse-7";

    @Autowired ThrottledAuthenticationProvider provider;
    @Autowired AccountService accounts;
    @Autowired AccountRepository repository;
    @Autowired JdbcClient jdbc;

    private static UsernamePasswordAuthenticationToken attempt(String user, String password, String address) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(user, password);
        token.setDetails(new WebAuthenticationDetails(address, null));
        return token;
    }

    @Test
    void thirtyParallelAttemptsGetNoMoreCheckedGuessesThanTheRuleAllows() throws Exception {
        accounts.create("parallel", "并发", PASSWORD, false, List.of());
        ExecutorService pool = Executors.newFixedThreadPool(30);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String password = i == 17 ? PASSWORD : "wrong-guess-" + i;
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    provider.authenticate(attempt("parallel", password, "198.51.100.7"));
                    return "in";
                } catch (ThrottledAuthenticationProvider.LoginThrottledException e) {
                    return "wait";
                } catch (BadCredentialsException e) {
                    return "wrong";
                }
            }));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get());
        }
        pool.shutdown();
        long checked = results.stream().filter(r -> !r.equals("wait")).count();
        assertThat(checked).as(results.toString()).isBetween(1L, (long) LoginThrottle.ACCOUNT_AT_ADDRESS.free());
    }

    @ParameterizedTest
    @EnumSource(DatabaseTarget.class)
    void aSlotIsClaimedByExactlyOneOfManyParallelAttemptsOnEveryDatabase(DatabaseTarget target) throws Exception {
        TestDatabase db = TestDatabase.fresh(target);
        db.jdbc().sql("DELETE FROM login_throttle").update();
        LoginAttempts attempts = new LoginAttempts(db.jdbc());
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<?>>> outcomes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Callable<Optional<?>> claim = () -> {
                start.await();
                return attempts.claim("u|203.0.113.9|someone", "someone", LoginThrottle.ACCOUNT_AT_ADDRESS, now);
            };
            outcomes.add(pool.submit(claim));
        }
        start.countDown();
        int allowed = 0;
        for (Future<Optional<?>> outcome : outcomes) {
            allowed += outcome.get().isEmpty() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(allowed).isBetween(1, LoginThrottle.ACCOUNT_AT_ADDRESS.free());
        assertThat(attempts.attempts("u|203.0.113.9|someone")).isEqualTo(allowed);
    }

    @Test
    void realAndUnknownAccountsGetTheSameAnswersInTheSameOrder() {
        accounts.create("realone", "真实", PASSWORD, false, List.of());
        List<String> real = answers("realone", "192.0.2.1");
        List<String> unknown = answers("ghost-account", "192.0.2.2");
        assertThat(real).isEqualTo(unknown).contains("BadCredentialsException: 用户名或密码错误").anyMatch(a -> a.contains("秒后再试"));
    }

    private List<String> answers(String user, String address) {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            try {
                provider.authenticate(attempt(user, "not-the-password", address));
                answers.add("in");
            } catch (AuthenticationException e) {
                answers.add(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        return answers;
    }

    @Test
    void anOldBcryptHashStillMatchesAndIsUpgradedToArgon2idAtLogin() {
        long id = repository.insert("legacy", "旧账户", new BCryptPasswordEncoder(4).encode(PASSWORD), false, Instant.now());
        provider.authenticate(attempt("legacy", PASSWORD, "192.0.2.3"));
        String upgraded = repository.passwordHash(id).orElseThrow();
        assertThat(upgraded).startsWith("{argon2}$argon2id$");
        provider.authenticate(attempt("legacy", PASSWORD, "192.0.2.3"));
        // A password over BCrypt's 72 bytes against an old hash is simply wrong, not an error.
        repository.upgradeHash(id, upgraded, new BCryptPasswordEncoder(4).encode(PASSWORD));
        assertThatThrownBy(() -> provider.authenticate(attempt("legacy", "长".repeat(40), "192.0.2.4")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void longChinesePasswordsUpToTheLimitWorkAndCommonOnesAreRefused() {
        String longPassword = "社会工作者的密码很长".repeat(12) + "12345678";
        assertThat(longPassword).hasSize(PasswordRules.MAX_LENGTH);
        long id = accounts.create("longpass", "长密码", longPassword, false, List.of());
        provider.authenticate(attempt("longpass", longPassword, "192.0.2.5"));
        accounts.changePassword(id, longPassword, "另一个很长的中文密码".repeat(10) + "-2");

        assertThat(CommonPasswords.size()).isGreaterThan(20_000);
        for (String common : List.of("Password123", "password12345", "QWERTYuiop!!1", "1qaz2wsx3edc", "iloveyou2024!")) {
            assertThat(PasswordRules.problem("someone", common)).as(common).contains(
                    "这是常见密码（或只在常见密码后加了数字），很容易被猜中，请换一个");
        }
        assertThat(PasswordRules.problem("someone", "社工站-周报-2026")).isEmpty();
    }
}
