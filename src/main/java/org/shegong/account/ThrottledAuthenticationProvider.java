package org.shegong.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Username and password login with throttling ({@link LoginThrottle}, {@link LoginAttempts}). Each attempt
 * claims its slot in the database before the password is checked, so parallel guesses cannot outrun the
 * count. Known and unknown user names take the same path: the same keys are counted, the same words are
 * answered, and an unknown name costs a hash check against a dummy hash, so neither the answer nor its timing
 * tells which names exist. A correct password in an old format (BCrypt) is re-hashed with the current one.
 */
@Component
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private static final String WRONG = "用户名或密码错误";
    /** Longer than any password the rules allow; hashing megabytes would cost the server, not the guesser. */
    private static final int LONGEST_CHECKED = 1024;

    private final AccountRepository accounts;
    private final LoginAttempts attempts;
    private final PasswordEncoder encoder;
    private final Clock clock;
    /** What an unknown user's password is checked against, so that their login takes as long as a known user's. */
    private final CompletableFuture<String> dummyHash;

    public ThrottledAuthenticationProvider(AccountRepository accounts, LoginAttempts attempts, PasswordEncoder encoder,
                                           Clock clock) {
        this.accounts = accounts;
        this.attempts = attempts;
        this.encoder = encoder;
        this.clock = clock;
        // Argon2 on a JVM that has not compiled it yet takes most of a second: made beside the start, not in its way.
        this.dummyHash = CompletableFuture.supplyAsync(() -> encoder.encode("no-such-user-" + System.nanoTime()),
                runnable -> {
                    Thread thread = new Thread(runnable, "login-dummy-hash");
                    thread.setDaemon(true);
                    thread.start();
                });
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = AccountService.normalise(authentication.getName());
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web
                && web.getRemoteAddress() != null ? web.getRemoteAddress() : "-";
        String name = username.length() > 100 ? username.substring(0, 100) : username;
        String accountKey = LoginThrottle.accountKey(address, name);
        String addressKey = LoginThrottle.addressKey(address);
        Instant now = clock.instant();
        Optional<Duration> wait = attempts.claim(accountKey, name, LoginThrottle.ACCOUNT_AT_ADDRESS, now)
                .or(() -> attempts.claim(addressKey, null, LoginThrottle.ADDRESS, now));
        if (wait.isPresent()) {
            throw new LoginThrottledException(LoginThrottle.waitMessage(wait.get()));
        }
        Optional<Account> found = username.isEmpty() ? Optional.empty() : accounts.findByUsername(username);
        // Read before the hash: a password changed in between gives this session an outdated stamp, never a new one.
        Instant stamp = found.flatMap(account -> accounts.passwordChangedAt(account.id())).orElse(null);
        String hash = found.flatMap(account -> accounts.passwordHash(account.id())).orElseGet(dummyHash::join);
        boolean matches = password.length() <= LONGEST_CHECKED && encoder.matches(password, hash);
        if (found.isEmpty() || !matches) {
            throw new BadCredentialsException(WRONG);
        }
        Account account = found.get();
        if (!account.enabled()) {
            throw new DisabledException("账户已停用，请联系管理员");
        }
        attempts.succeeded(accountKey, addressKey);
        if (encoder.upgradeEncoding(hash)) {
            accounts.upgradeHash(account.id(), hash, encoder.encode(password));
        }
        StaffUser user = new StaffUser(account, null, stamp);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Refused unchecked because this address (and name) tried too often just now. */
    public static final class LoginThrottledException extends AuthenticationException {

        public LoginThrottledException(String message) {
            super(message);
        }
    }
}
