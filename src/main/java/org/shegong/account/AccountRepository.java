package org.shegong.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.shegong.system.Times;
import org.shegong.system.db.GeneratedKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The app_user and column_grant tables. */
@Repository
public class AccountRepository {

    private static final String COLUMNS = "id, username, display_name, administrator, enabled, failed_logins, "
            + "last_failed_at, locked_until, created_at";

    private final JdbcClient jdbc;

    public AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String username, String displayName, String passwordHash, boolean administrator,
                       Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, administrator, enabled, failed_logins,
                  password_changed_at, created_at)
                VALUES (?, ?, ?, ?, TRUE, 0, ?, ?)""")
                .params(username, displayName, passwordHash, administrator, Times.toDb(now), Times.toDb(now))
                .update(keys);
        return GeneratedKeys.id(keys);
    }

    public Optional<Account> findByUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE username = ?").param(username)
                .query(AccountRepository::account).optional();
    }

    public Optional<Account> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = ?").param(id)
                .query(AccountRepository::account).optional();
    }

    public List<Account> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user ORDER BY username")
                .query(AccountRepository::account).list();
    }

    public Optional<String> passwordHash(long id) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE id = ?").param(id).query(String.class).optional();
    }

    public Optional<Instant> passwordChangedAt(long id) {
        return jdbc.sql("SELECT password_changed_at FROM app_user WHERE id = ?").param(id)
                .query((rs, row) -> Times.fromDb(rs.getObject(1, LocalDateTime.class))).optional();
    }

    /** Whether a session that logged in when the password was last changed at {@code stamp} may go on. */
    public boolean sessionStillValid(long id, Instant stamp) {
        return jdbc.sql("SELECT enabled, password_changed_at FROM app_user WHERE id = ?").param(id)
                .query((rs, row) -> rs.getBoolean(1)
                        && java.util.Objects.equals(stamp, Times.fromDb(rs.getObject(2, LocalDateTime.class))))
                .optional().orElse(false);
    }

    public boolean anyAdministrator() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE administrator = TRUE").query(Long.class).single() > 0;
    }

    public void setPassword(long id, String hash, Instant now) {
        jdbc.sql("""
                UPDATE app_user SET password_hash = ?, password_changed_at = ?, failed_logins = 0,
                  last_failed_at = NULL, locked_until = NULL WHERE id = ?""")
                .params(hash, Times.toDb(now), id).update();
    }

    /** A hash in an old format replaced by the current one, unless the password changed meanwhile. */
    public void upgradeHash(long id, String oldHash, String newHash) {
        jdbc.sql("UPDATE app_user SET password_hash = ? WHERE id = ? AND password_hash = ?")
                .params(newHash, id, oldHash).update();
    }

    public void clearFailures(long id) {
        jdbc.sql("UPDATE app_user SET failed_logins = 0, last_failed_at = NULL, locked_until = NULL WHERE id = ?")
                .param(id).update();
    }

    public void setEnabled(long id, boolean enabled) {
        jdbc.sql("UPDATE app_user SET enabled = ? WHERE id = ?").params(enabled, id).update();
    }

    public List<ColumnGrant> grantsOf(long userId) {
        return jdbc.sql("SELECT column_id, role FROM column_grant WHERE user_id = ? ORDER BY column_id, role")
                .param(userId)
                .query((rs, n) -> new ColumnGrant(rs.getLong(1), Role.valueOf(rs.getString(2)))).list();
    }

    public void replaceGrants(long userId, List<ColumnGrant> grants) {
        jdbc.sql("DELETE FROM column_grant WHERE user_id = ?").param(userId).update();
        for (ColumnGrant grant : grants.stream().distinct().toList()) {
            jdbc.sql("INSERT INTO column_grant (user_id, column_id, role) VALUES (?, ?, ?)")
                    .params(userId, grant.columnId(), grant.role().name()).update();
        }
    }

    /** Adds one grant; false when the user already had it. */
    public boolean addGrant(long userId, ColumnGrant grant) {
        if (grantsOf(userId).contains(grant)) {
            return false;
        }
        jdbc.sql("INSERT INTO column_grant (user_id, column_id, role) VALUES (?, ?, ?)")
                .params(userId, grant.columnId(), grant.role().name()).update();
        return true;
    }

    /** Removes one grant; false when the user did not have it. */
    public boolean removeGrant(long userId, ColumnGrant grant) {
        return jdbc.sql("DELETE FROM column_grant WHERE user_id = ? AND column_id = ? AND role = ?")
                .params(userId, grant.columnId(), grant.role().name()).update() > 0;
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getBoolean("administrator"), rs.getBoolean("enabled"), rs.getInt("failed_logins"),
                Times.fromDb(rs.getObject("last_failed_at", LocalDateTime.class)),
                Times.fromDb(rs.getObject("locked_until", LocalDateTime.class)),
                Times.fromDb(rs.getObject("created_at", LocalDateTime.class)));
    }
}
