package org.shegong.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Username and password login with throttling ({@link LoginThrottle}). An early attempt is refused before the
 * password is even checked, so a guesser learns nothing from it; an unknown user costs the same hash check
 * as a known one, so timing does not reveal which user names exist.
 */
@Component
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);
    private static final String WRONG = "用户名或密码错误";

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final String dummyHash;

    public ThrottledAuthenticationProvider(AccountRepository accounts, PasswordEncoder encoder, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.clock = clock;
        this.dummyHash = encoder.encode("no-such-user-" + System.nanoTime());
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = AccountService.normalise(authentication.getName());
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        Optional<Account> found = username.isEmpty() ? Optional.empty() : accounts.findByUsername(username);
        if (found.isEmpty()) {
            encoder.matches(password, dummyHash);
            throw new BadCredentialsException(WRONG);
        }
        Account account = found.get();
        Instant now = clock.instant();
        if (LoginThrottle.isLocked(account, now)) {
            throw new LockedException(LoginThrottle.lockedMessage(Duration.between(now, account.lockedUntil())));
        }
        Optional<Duration> wait = LoginThrottle.waitBeforeNextAttempt(account, now);
        if (wait.isPresent()) {
            throw new LoginThrottledException(LoginThrottle.slowDownMessage(wait.get()));
        }
        String hash = accounts.passwordHash(account.id()).orElseThrow();
        if (!encoder.matches(password, hash)) {
            int failures = accounts.recordFailure(account.id(), now);
            if (LoginThrottle.shouldLock(failures)) {
                accounts.lock(account.id(), now.plus(LoginThrottle.LOCK_FOR));
                log.warn("Account {} locked for {} after {} failed logins", account.username(),
                        LoginThrottle.LOCK_FOR, failures);
                throw new LockedException(LoginThrottle.lockedMessage(LoginThrottle.LOCK_FOR));
            }
            throw new BadCredentialsException(WRONG);
        }
        if (!account.enabled()) {
            throw new DisabledException("账户已停用，请联系管理员");
        }
        if (account.failedLogins() > 0 || account.lockedUntil() != null) {
            accounts.clearFailures(account.id());
        }
        StaffUser user = new StaffUser(account, null);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Refused because the previous failure was too recent. */
    public static final class LoginThrottledException extends AuthenticationException {

        public LoginThrottledException(String message) {
            super(message);
        }
    }
}
