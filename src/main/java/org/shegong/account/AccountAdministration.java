package org.shegong.account;

import java.time.Clock;
import java.util.List;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an administrator does to other people's accounts. Passwords are generated here, returned once for the
 * confirmation page and stored only as hashes.
 */
@Service
public class AccountAdministration {

    private final AccountService service;
    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final LoginAttempts attempts;

    public AccountAdministration(AccountService service, AccountRepository accounts, PasswordEncoder encoder,
                                 Clock clock, LoginAttempts attempts) {
        this.service = service;
        this.accounts = accounts;
        this.attempts = attempts;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** A new account and its only plain-text appearance of the initial password. */
    public record Created(Account account, String password) {
    }

    /** Creates the account; the caller's transaction records it (see CreateAccountAction). */
    @Transactional
    public Created create(String username, String displayName, boolean administrator) {
        String password = RandomPasswords.generate();
        long id = service.create(username, displayName, password, administrator, List.of());
        return new Created(existing(id), password);
    }

    /** A new random password (the account is unlocked too); returned once, never stored in plain text. */
    @Transactional
    public String resetPassword(long id) {
        existing(id);
        String password = RandomPasswords.generate();
        accounts.setPassword(id, encoder.encode(password), clock.instant());
        return password;
    }

    /** Disabling locks the person out at once: every action re-reads the account (see admin.workflow.Actors). */
    @Transactional
    public void setEnabled(long actingUserId, long id, boolean enabled) {
        existing(id);
        if (!enabled && actingUserId == id) {
            throw new AccountException("不能停用自己的账户");
        }
        accounts.setEnabled(id, enabled);
    }

    @Transactional
    public void unlock(long id) {
        Account account = existing(id);
        accounts.clearFailures(id);
        attempts.forget(account.username());
    }

    public boolean locked(Account account) {
        return account.lockedUntil() != null && clock.instant().isBefore(account.lockedUntil());
    }

    @Transactional
    public boolean grant(long userId, ColumnGrant grant) {
        existing(userId);
        if (grant.role() == Role.ADMINISTRATOR) {
            throw new AccountException("管理员不是栏目角色，请在账户上设置");
        }
        return accounts.addGrant(userId, grant);
    }

    @Transactional
    public boolean revoke(long userId, ColumnGrant grant) {
        existing(userId);
        return accounts.removeGrant(userId, grant);
    }

    public Account existing(long id) {
        return accounts.findById(id).orElseThrow(() -> new AccountException("没有这个账户", true));
    }
}
