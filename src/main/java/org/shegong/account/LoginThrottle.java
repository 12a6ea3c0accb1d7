package org.shegong.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a login attempt may even be checked. The first few failures cost nothing; after that each attempt must
 * wait twice as long as the one before; after {@link #LOCK_AFTER} failures the account locks for
 * {@link #LOCK_FOR}. Waiting is enforced by refusing early attempts, never by holding a request thread.
 */
public final class LoginThrottle {

    public static final int FREE_FAILURES = 3;
    public static final int LOCK_AFTER = 6;
    public static final Duration LOCK_FOR = Duration.ofMinutes(15);
    static final Duration FIRST_DELAY = Duration.ofSeconds(5);

    private LoginThrottle() {
    }

    /** How long the account must still wait before the next attempt, or empty when it may try now. */
    public static Optional<Duration> waitBeforeNextAttempt(Account account, Instant now) {
        if (account.lockedUntil() != null && now.isBefore(account.lockedUntil())) {
            return Optional.of(Duration.between(now, account.lockedUntil()));
        }
        int failures = account.failedLogins();
        if (failures < FREE_FAILURES || account.lastFailedAt() == null) {
            return Optional.empty();
        }
        Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(10, failures - FREE_FAILURES));
        Instant allowedAt = account.lastFailedAt().plus(delay);
        return now.isBefore(allowedAt) ? Optional.of(Duration.between(now, allowedAt)) : Optional.empty();
    }

    public static boolean isLocked(Account account, Instant now) {
        return account.lockedUntil() != null && now.isBefore(account.lockedUntil());
    }

    public static boolean shouldLock(int failures) {
        return failures >= LOCK_AFTER;
    }

    static String lockedMessage(Duration remaining) {
        long minutes = Math.max(1, (remaining.toSeconds() + 59) / 60);
        return "登录失败次数过多，账户已被暂时锁定，请 " + minutes + " 分钟后再试；如需立即解锁请联系管理员";
    }

    static String slowDownMessage(Duration remaining) {
        long seconds = Math.max(1, remaining.toSeconds() + (remaining.toNanosPart() > 0 ? 1 : 0));
        return "登录失败次数较多，请 " + seconds + " 秒后再试";
    }
}
