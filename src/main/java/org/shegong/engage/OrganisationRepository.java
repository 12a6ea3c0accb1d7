package org.shegong.engage;

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

/** The only code that touches engage_organisation and engage_submission. */
@Repository
class OrganisationRepository {

    private static final String COLUMNS = "id, name, contact_person, email, phone, password_hash, email_verified_at, "
            + "verify_sent_at, enabled, failed_logins, locked_until";

    private final JdbcClient jdbc;

    OrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String name, String contact, String email, String phone, String passwordHash, String tokenHash,
                String address, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO engage_organisation (name, contact_person, email, phone, password_hash, verify_token_hash,
                  verify_sent_at, enabled, failed_logins, client_address, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, 0, ?, ?)""")
                .params(name, contact, email, phone, passwordHash, tokenHash, Times.toDb(now), address, Times.toDb(now))
                .update(keys, "id");
        return GeneratedKeys.id(keys);
    }

    Optional<Organisation> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM engage_organisation WHERE id = ?").param(id)
                .query(OrganisationRepository::row).optional();
    }

    Optional<Organisation> byEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM engage_organisation WHERE email = ?").param(email)
                .query(OrganisationRepository::row).optional();
    }

    int registeredFromAddressSince(String address, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM engage_organisation WHERE client_address = ? AND created_at >= ?")
                .params(address, Times.toDb(since)).query(Integer.class).single();
    }

    /** Marks the email verified for the token's organisation; false when no unverified account has the token. */
    boolean verify(String tokenHash, Instant now) {
        return jdbc.sql("UPDATE engage_organisation SET email_verified_at = ?, verify_token_hash = NULL "
                        + "WHERE verify_token_hash = ? AND email_verified_at IS NULL")
                .params(Times.toDb(now), tokenHash).update() == 1;
    }

    void newToken(long id, String tokenHash, Instant now) {
        jdbc.sql("UPDATE engage_organisation SET verify_token_hash = ?, verify_sent_at = ? WHERE id = ?")
                .params(tokenHash, Times.toDb(now), id).update();
    }

    /** Stores a reset link's hash, unless one was sent after {@code notAfter}; false when it is too soon. */
    boolean newResetToken(long id, String tokenHash, Instant now, Instant notAfter) {
        return jdbc.sql("UPDATE engage_organisation SET reset_token_hash = ?, reset_sent_at = ? "
                        + "WHERE id = ? AND (reset_sent_at IS NULL OR reset_sent_at <= ?)")
                .params(tokenHash, Times.toDb(now), id, Times.toDb(notAfter)).update() == 1;
    }

    /** Whose unexpired reset link this is (sent at or after {@code sentSince}). */
    Optional<Organisation> byResetToken(String tokenHash, Instant sentSince) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM engage_organisation WHERE reset_token_hash = ? AND reset_sent_at >= ?")
                .params(tokenHash, Times.toDb(sentSince)).query(OrganisationRepository::row).optional();
    }

    /** Sets the new password once per link: the token is spent, and the lock from failed logins lifted. */
    boolean resetPassword(long id, String tokenHash, String passwordHash) {
        return jdbc.sql("UPDATE engage_organisation SET password_hash = ?, reset_token_hash = NULL, failed_logins = 0, "
                        + "locked_until = NULL WHERE id = ? AND reset_token_hash = ?")
                .params(passwordHash, id, tokenHash).update() == 1;
    }

    void loginFailed(long id, Instant lockedUntil) {
        jdbc.sql("UPDATE engage_organisation SET failed_logins = failed_logins + 1, locked_until = ? WHERE id = ?")
                .params(Times.toDb(lockedUntil), id).update();
    }

    void loginSucceeded(long id) {
        jdbc.sql("UPDATE engage_organisation SET failed_logins = 0, locked_until = NULL WHERE id = ?").param(id).update();
    }

    void recordSubmission(long organisationId, long articleId, String address, Instant now) {
        jdbc.sql("INSERT INTO engage_submission (organisation_id, article_id, client_address, created_at) VALUES (?, ?, ?, ?)")
                .params(organisationId, articleId, address, Times.toDb(now)).update();
    }

    int submissionsSince(long organisationId, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM engage_submission WHERE organisation_id = ? AND created_at >= ?")
                .params(organisationId, Times.toDb(since)).query(Integer.class).single();
    }

    int submissionsFromAddressSince(String address, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM engage_submission WHERE client_address = ? AND created_at >= ?")
                .params(address, Times.toDb(since)).query(Integer.class).single();
    }

    boolean submittedBy(long organisationId, long articleId) {
        return jdbc.sql("SELECT COUNT(*) FROM engage_submission WHERE organisation_id = ? AND article_id = ?")
                .params(organisationId, articleId).query(Integer.class).single() > 0;
    }

    /** The organisation's submitted article ids, newest first. */
    List<Long> submittedArticles(long organisationId, int limit) {
        return jdbc.sql("SELECT article_id FROM engage_submission WHERE organisation_id = ? "
                        + "ORDER BY organisation_id, created_at DESC, id DESC LIMIT ?")
                .params(organisationId, limit).query(Long.class).list();
    }

    private static Organisation row(ResultSet rs, int n) throws SQLException {
        return new Organisation(rs.getLong("id"), rs.getString("name"), rs.getString("contact_person"),
                rs.getString("email"), rs.getString("phone"), rs.getString("password_hash"),
                Times.fromDb(rs.getObject("email_verified_at", LocalDateTime.class)),
                Times.fromDb(rs.getObject("verify_sent_at", LocalDateTime.class)), rs.getBoolean("enabled"),
                rs.getInt("failed_logins"), Times.fromDb(rs.getObject("locked_until", LocalDateTime.class)));
    }
}
