package org.shegong.account;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.shegong.system.Times;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The login_throttle table. An attempt is counted before its password is checked, by a compare-and-set on the
 * row's attempt count: of any number of parallel attempts (on any number of nodes) only one can move the count
 * from n to n+1, so each checked guess has a slot of its own and the delay it sets binds the next one.
 */
@Repository
class LoginAttempts {

    /** A row untouched this long starts again from zero. */
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int TRIES = 8;

    private final JdbcClient jdbc;

    LoginAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(int attempts, Instant nextAt, Instant updatedAt) {
    }

    /**
     * Claims a slot for one attempt under {@code key}, or says how long to wait. The attempt is counted as a
     * failure at once (a success gives it back), and the delay before the next attempt follows {@code policy}.
     */
    Optional<Duration> claim(String key, String username, LoginThrottle.Policy policy, Instant now) {
        for (int i = 0; i < TRIES; i++) {
            Optional<Row> row = jdbc.sql("SELECT attempts, next_at, updated_at FROM login_throttle WHERE throttle_key = ?")
                    .param(key).query((rs, n) -> new Row(rs.getInt(1),
                            Times.fromDb(rs.getObject(2, LocalDateTime.class)),
                            Times.fromDb(rs.getObject(3, LocalDateTime.class)))).optional();
            if (row.isEmpty()) {
                try {
                    jdbc.sql("""
                            INSERT INTO login_throttle (throttle_key, username, attempts, next_at, updated_at)
                            VALUES (?, ?, 1, ?, ?)""")
                            .params(key, username, Times.toDb(now.plus(policy.delayAfter(1))), Times.toDb(now)).update();
                    forgetOldRows(now);
                    return Optional.empty();
                } catch (DuplicateKeyException raced) {
                    continue;
                }
            }
            Row current = row.get();
            boolean stale = current.updatedAt().plus(FORGET_AFTER).isBefore(now);
            if (!stale && now.isBefore(current.nextAt())) {
                return Optional.of(Duration.between(now, current.nextAt()));
            }
            int attempts = (stale ? 0 : current.attempts()) + 1;
            int claimed = jdbc.sql("""
                    UPDATE login_throttle SET attempts = ?, next_at = ?, updated_at = ?
                    WHERE throttle_key = ? AND attempts = ? AND updated_at = ?""")
                    .params(attempts, Times.toDb(now.plus(policy.delayAfter(attempts))), Times.toDb(now), key,
                            current.attempts(), Times.toDb(current.updatedAt())).update();
            if (claimed == 1) {
                return Optional.empty();
            }
        }
        // Lost every race: others are guessing at this very moment, and this attempt is not checked.
        return Optional.of(Duration.ofSeconds(1));
    }

    /** A correct password: the attempt was no failure. The address+account row goes, the address gets one back. */
    void succeeded(String accountKey, String addressKey) {
        jdbc.sql("DELETE FROM login_throttle WHERE throttle_key = ?").param(accountKey).update();
        jdbc.sql("UPDATE login_throttle SET attempts = attempts - 1 WHERE throttle_key = ? AND attempts > 0")
                .param(addressKey).update();
    }

    /** An administrator lifts every delay of an account (from any address). */
    void forget(String username) {
        jdbc.sql("DELETE FROM login_throttle WHERE username = ?").param(username).update();
    }

    int attempts(String key) {
        return jdbc.sql("SELECT attempts FROM login_throttle WHERE throttle_key = ?").param(key)
                .query(Integer.class).optional().orElse(0);
    }

    private void forgetOldRows(Instant now) {
        if (ThreadLocalRandom.current().nextInt(100) == 0) {
            jdbc.sql("DELETE FROM login_throttle WHERE updated_at < ?").param(Times.toDb(now.minus(FORGET_AFTER)))
                    .update();
        }
    }
}
