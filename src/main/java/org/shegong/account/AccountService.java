package org.shegong.account;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating accounts, passwords and grants. Plain-text passwords pass through here and are never stored. */
@Service
public class AccountService {

    public static final String FIRST_ADMINISTRATOR = "admin";
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.@-]{2,64}");

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final LoginAttempts attempts;

    public AccountService(AccountRepository accounts, PasswordEncoder encoder, Clock clock, LoginAttempts attempts) {
        this.accounts = accounts;
        this.attempts = attempts;
        this.encoder = encoder;
        this.clock = clock;
    }

    public Optional<Account> find(long id) {
        return accounts.findById(id);
    }

    public Optional<Account> findByUsername(String username) {
        return accounts.findByUsername(normalise(username));
    }

    /**
     * User names are compared without case or surrounding space: MariaDB's default collation does so anyway,
     * and the other databases must not let "Admin" and "admin" be two people.
     */
    public static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }

    public List<Account> all() {
        return accounts.findAll();
    }

    public List<ColumnGrant> grants(long userId) {
        return accounts.grantsOf(userId);
    }

    @Transactional
    public long create(String rawUsername, String displayName, String password, boolean administrator,
                       List<ColumnGrant> grants) {
        String username = normalise(rawUsername);
        if (!USERNAME.matcher(username).matches()) {
            throw new AccountException("用户名须为 2 到 64 个字母、数字或 _ . @ - 字符");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 100) {
            throw new AccountException("请填写姓名（不超过 100 个字符）");
        }
        PasswordRules.problem(username, password).ifPresent(problem -> {
            throw new AccountException(problem);
        });
        if (grants.stream().anyMatch(g -> g.role() == Role.ADMINISTRATOR)) {
            throw new AccountException("管理员不是栏目角色，请在账户上设置");
        }
        try {
            long id = accounts.insert(username, displayName.strip(), encoder.encode(password), administrator,
                    clock.instant());
            accounts.replaceGrants(id, grants);
            return id;
        } catch (DuplicateKeyException e) {
            throw new AccountException("用户名 " + username + " 已被使用");
        }
    }

    /**
     * Creates the administrator {@value #FIRST_ADMINISTRATOR} with a random password when there is no
     * administrator at all, and returns that password (the only time it exists in plain text).
     */
    @Transactional
    public Optional<String> createFirstAdministratorIfNone() {
        if (accounts.anyAdministrator() || accounts.findByUsername(FIRST_ADMINISTRATOR).isPresent()) {
            return Optional.empty();
        }
        String password = RandomPasswords.generate();
        try {
            accounts.insert(FIRST_ADMINISTRATOR, "系统管理员", encoder.encode(password), true, clock.instant());
        } catch (DuplicateKeyException e) {
            return Optional.empty(); // another node created it first
        }
        return Optional.of(password);
    }

    @Transactional
    public void changePassword(long userId, String oldPassword, String newPassword) {
        Account account = accounts.findById(userId).orElseThrow(() -> new AccountException("账户不存在"));
        String hash = accounts.passwordHash(userId).orElseThrow();
        if (oldPassword == null || !encoder.matches(oldPassword, hash)) {
            throw new AccountException("原密码不正确");
        }
        if (newPassword != null && newPassword.equals(oldPassword)) {
            throw new AccountException("新密码不能与原密码相同");
        }
        PasswordRules.problem(account.username(), newPassword).ifPresent(problem -> {
            throw new AccountException(problem);
        });
        accounts.setPassword(userId, encoder.encode(newPassword), clock.instant());
    }

    /** Gives the user a new random password (and lifts the login delays); returns it for printing once. */
    @Transactional
    public String resetPassword(String rawUsername) {
        String username = normalise(rawUsername);
        if (FIRST_ADMINISTRATOR.equals(username) && accounts.findByUsername(username).isEmpty()) {
            // Run before the server's first start: create the administrator here rather than refuse.
            Optional<String> created = createFirstAdministratorIfNone();
            if (created.isPresent()) {
                return created.get();
            }
        }
        Account account = accounts.findByUsername(username)
                .orElseThrow(() -> new AccountException("没有用户名为 " + username + " 的账户"));
        String password = RandomPasswords.generate();
        accounts.setPassword(account.id(), encoder.encode(password), clock.instant());
        attempts.forget(account.username());
        return password;
    }

    @Transactional
    public void replaceGrants(long userId, List<ColumnGrant> grants) {
        if (grants.stream().anyMatch(g -> g.role() == Role.ADMINISTRATOR)) {
            throw new AccountException("管理员不是栏目角色，请在账户上设置");
        }
        accounts.replaceGrants(userId, grants);
    }
}
