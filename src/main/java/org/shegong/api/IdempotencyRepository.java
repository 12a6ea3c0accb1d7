package org.shegong.api;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import org.shegong.system.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** api_idempotency: the claimed keys of the write API's POSTs and the answers they gave. */
@Repository
class IdempotencyRepository {

    /** A claimed key: in progress while {@code status} is null, else the answer to replay. */
    record Entry(long id, String requestHash, Integer status, String location, String body, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    IdempotencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the key; the unique constraint (token_id, idem_key) makes a concurrent second claim fail. */
    long claim(long tokenId, String key, String requestHash, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO api_idempotency (token_id, idem_key, request_hash, created_at) VALUES (?, ?, ?, ?)")
                .params(tokenId, key, requestHash, Times.toDb(now)).update(keys);
        return org.shegong.system.db.GeneratedKeys.id(keys);
    }

    Optional<Entry> find(long tokenId, String key) {
        return jdbc.sql("""
                SELECT id, request_hash, status, location, response_body, created_at FROM api_idempotency
                WHERE token_id = ? AND idem_key = ?""").params(tokenId, key)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getString("request_hash"),
                        (Integer) rs.getObject("status", Integer.class), rs.getString("location"),
                        rs.getString("response_body"), Times.fromDb(rs.getObject("created_at", LocalDateTime.class))))
                .optional();
    }

    /** Stores the answer, in the transaction of the work it answers for. */
    void complete(long id, int status, String location, String body) {
        jdbc.sql("UPDATE api_idempotency SET status = ?, location = ?, response_body = ? WHERE id = ?")
                .params(status, location, body, id).update();
    }

    /** Gives a key up again (its work failed), so a retry runs afresh. */
    void release(long id) {
        jdbc.sql("DELETE FROM api_idempotency WHERE id = ? AND status IS NULL").param(id).update();
    }

    /** Forgets the token's keys created before {@code before} (expired), and a claim abandoned since then. */
    int expire(long tokenId, Instant before) {
        return jdbc.sql("DELETE FROM api_idempotency WHERE token_id = ? AND created_at < ?")
                .params(tokenId, Times.toDb(before)).update();
    }

    /** Drops one stale in-progress claim (its work never committed: work and answer commit together). */
    boolean dropStale(long id, Instant before) {
        return jdbc.sql("DELETE FROM api_idempotency WHERE id = ? AND status IS NULL AND created_at < ?")
                .params(id, Times.toDb(before)).update() == 1;
    }
}
