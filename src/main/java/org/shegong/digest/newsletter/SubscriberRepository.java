package org.shegong.digest.newsletter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import org.shegong.system.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The newsletter_subscriber table. */
@Repository
class SubscriberRepository {

    private static final String COLUMNS = "id, email, status, confirm_sent_at, confirm_window_start, confirm_sends, "
            + "unsubscribe_token, created_at, confirmed_at";

    private final JdbcClient jdbc;

    SubscriberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Subscriber> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM newsletter_subscriber WHERE email = ?").param(email)
                .query(SubscriberRepository::subscriber).optional();
    }

    Optional<Subscriber> findByUnsubscribeToken(String token) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM newsletter_subscriber WHERE unsubscribe_token = ?").param(token)
                .query(SubscriberRepository::subscriber).optional();
    }

    /** A new pending subscriber; false when the address was inserted concurrently. */
    boolean insert(String email, String unsubscribeToken, Instant now) {
        try {
            return jdbc.sql("""
                    INSERT INTO newsletter_subscriber (email, status, confirm_sends, unsubscribe_token, created_at)
                    VALUES (?, 'PENDING', 0, ?, ?)""")
                    .params(email, unsubscribeToken, Times.toDb(now)).update() == 1;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return false;
        }
    }

    /**
     * Records that a confirmation mail is about to go out, if the previous one is not too recent (compare and
     * set on confirm_sent_at, so two concurrent requests cannot both send).
     */
    boolean recordConfirmation(Subscriber s, String tokenHash, Instant now, Instant windowStart, int sends) {
        boolean first = s.confirmSentAt() == null;
        var update = jdbc.sql("""
                UPDATE newsletter_subscriber SET status = CASE WHEN status = 'UNSUBSCRIBED' THEN 'PENDING' ELSE status END,
                  confirm_token_hash = :hash, confirm_sent_at = :now, confirm_window_start = :window, confirm_sends = :sends
                WHERE id = :id AND\s""" + (first ? "confirm_sent_at IS NULL" : "confirm_sent_at = :previous"))
                .param("hash", tokenHash).param("now", Times.toDb(now)).param("window", Times.toDb(windowStart))
                .param("sends", sends).param("id", s.id());
        if (!first) {
            update = update.param("previous", Times.toDb(s.confirmSentAt()));
        }
        return update.update() == 1;
    }

    /** Confirms the subscriber holding this token if it was sent after {@code notBefore}; returns the address. */
    Optional<String> confirm(String tokenHash, Instant notBefore, Instant now) {
        Optional<String> email = jdbc.sql("""
                SELECT email FROM newsletter_subscriber
                WHERE confirm_token_hash = ? AND confirm_sent_at >= ? AND status = 'PENDING'""")
                .params(tokenHash, Times.toDb(notBefore)).query(String.class).optional();
        if (email.isEmpty()) {
            return Optional.empty();
        }
        int updated = jdbc.sql("""
                UPDATE newsletter_subscriber SET status = 'CONFIRMED', confirmed_at = ?, confirm_token_hash = NULL,
                  unsubscribed_at = NULL
                WHERE confirm_token_hash = ? AND status = 'PENDING'""")
                .params(Times.toDb(now), tokenHash).update();
        return updated == 1 ? email : Optional.empty();
    }

    boolean unsubscribe(String token, Instant now) {
        return jdbc.sql("""
                UPDATE newsletter_subscriber SET status = 'UNSUBSCRIBED', unsubscribed_at = ?, confirm_token_hash = NULL
                WHERE unsubscribe_token = ? AND status <> 'UNSUBSCRIBED'""")
                .params(Times.toDb(now), token).update() == 1;
    }

    /** Subscribers per status (PENDING, CONFIRMED, UNSUBSCRIBED...), for the back office. */
    java.util.Map<String, Long> countsByStatus() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.sql("SELECT status, COUNT(*) FROM newsletter_subscriber GROUP BY status")
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    long countConfirmed() {
        return jdbc.sql("SELECT COUNT(*) FROM newsletter_subscriber WHERE status = 'CONFIRMED'").query(Long.class)
                .single();
    }

    private static Subscriber subscriber(ResultSet rs, int row) throws SQLException {
        return new Subscriber(rs.getLong(1), rs.getString(2), Subscriber.Status.valueOf(rs.getString(3)),
                instant(rs, 4), instant(rs, 5), rs.getInt(6), rs.getString(7), instant(rs, 8), instant(rs, 9));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return Times.fromDb(rs.getObject(column, LocalDateTime.class));
    }
}
