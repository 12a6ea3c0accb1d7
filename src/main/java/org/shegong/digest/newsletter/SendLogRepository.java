package org.shegong.digest.newsletter;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.shegong.system.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The newsletter_send table: one row per (digest, subscriber). A row is PENDING until a sender claims it
 * (SENDING, with the time), then SENT or, after the last attempt, FAILED. Claims are compare-and-set
 * updates, so two nodes working through the same log never send the same row twice.
 */
@Repository
class SendLogRepository {

    private final JdbcClient jdbc;

    SendLogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a row for every confirmed subscriber not yet in the digest's log; returns how many were added. */
    int enqueue(long digestId, Instant now) {
        return jdbc.sql("""
                INSERT INTO newsletter_send (digest_id, subscriber_id, status, attempts, created_at)
                SELECT ?, s.id, 'PENDING', 0, ? FROM newsletter_subscriber s
                WHERE s.status = 'CONFIRMED'
                  AND NOT EXISTS (SELECT 1 FROM newsletter_send x WHERE x.digest_id = ? AND x.subscriber_id = s.id)""")
                .params(digestId, Times.toDb(now), digestId).update();
    }

    /** Rows claimed before {@code claimedBefore} and never marked sent go back to PENDING (a sender died). */
    int requeueStale(Instant claimedBefore) {
        return jdbc.sql("UPDATE newsletter_send SET status = 'PENDING' WHERE status = 'SENDING' AND claimed_at < ?")
                .param(Times.toDb(claimedBefore)).update();
    }

    /** Pending rows after {@code afterId} in id order: one pass through the log per run. */
    List<Pending> pending(long afterId, int limit) {
        return jdbc.sql("""
                SELECT x.id, x.digest_id, x.attempts, s.id, s.email, s.status, s.unsubscribe_token
                FROM newsletter_send x JOIN newsletter_subscriber s ON s.id = x.subscriber_id
                WHERE x.status = 'PENDING' AND x.id > ? ORDER BY x.id LIMIT ?""")
                .params(afterId, limit)
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4),
                        rs.getString(5), Subscriber.Status.valueOf(rs.getString(6)), rs.getString(7)))
                .list();
    }

    /** Takes a pending row for this sender; false when another sender took it first. */
    boolean claim(long id, Instant now) {
        return jdbc.sql("""
                UPDATE newsletter_send SET status = 'SENDING', claimed_at = ?, attempts = attempts + 1
                WHERE id = ? AND status = 'PENDING'""")
                .params(Times.toDb(now), id).update() == 1;
    }

    void markSent(long id, Instant now) {
        jdbc.sql("UPDATE newsletter_send SET status = 'SENT', sent_at = ?, last_error = NULL WHERE id = ?")
                .params(Times.toDb(now), id).update();
    }

    /** A failed attempt: back to PENDING for another try, or FAILED for good. */
    void markFailed(long id, String error, boolean retry) {
        String message = error == null ? "未知错误" : error.length() > 1000 ? error.substring(0, 1000) : error;
        jdbc.sql("UPDATE newsletter_send SET status = ?, last_error = ? WHERE id = ?")
                .params(retry ? "PENDING" : "FAILED", message, id).update();
    }

    /** The subscriber left after the row was queued: nothing is sent. */
    void markSkipped(long id) {
        jdbc.sql("UPDATE newsletter_send SET status = 'SKIPPED' WHERE id = ?").param(id).update();
    }

    Map<String, Long> counts(long digestId) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT status, COUNT(*) FROM newsletter_send WHERE digest_id = ? GROUP BY status")
                .param(digestId).query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    List<SendFailure> failures(long digestId) {
        return jdbc.sql("""
                SELECT s.email, x.attempts, x.last_error, x.claimed_at, x.status
                FROM newsletter_send x JOIN newsletter_subscriber s ON s.id = x.subscriber_id
                WHERE x.digest_id = ? AND x.last_error IS NOT NULL ORDER BY x.id""")
                .param(digestId)
                .query((rs, n) -> new SendFailure(rs.getString(1), rs.getInt(2), rs.getString(3),
                        Times.fromDb(rs.getObject(4, LocalDateTime.class)), rs.getString(5)))
                .list();
    }

    /** A queued mail with what is needed to send it. */
    record Pending(long id, long digestId, int attempts, long subscriberId, String email,
                   Subscriber.Status subscriberStatus, String unsubscribeToken) {
    }
}
