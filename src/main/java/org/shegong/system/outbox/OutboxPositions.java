package org.shegong.system.outbox;

import java.time.Clock;
import java.util.Optional;
import org.shegong.system.Times;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The rows of {@code outbox_consumer}: how far each consumer (or each node's copy of one) has got. */
final class OutboxPositions {

    private final JdbcClient jdbc;
    private final Clock clock;

    OutboxPositions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Long> find(String key) {
        return jdbc.sql("SELECT last_event_id FROM outbox_consumer WHERE name = ?").param(key)
                .query(Long.class).optional();
    }

    /**
     * The position, locked until the caller's transaction ends; empty when another node holds the lock (it is
     * working on this consumer now) or the row does not exist. SKIP LOCKED: PostgreSQL, MariaDB 10.6+, MySQL 8, H2 2.
     */
    Optional<Long> lock(String key) {
        return jdbc.sql("SELECT last_event_id FROM outbox_consumer WHERE name = ? FOR UPDATE SKIP LOCKED").param(key)
                .query(Long.class).optional();
    }

    /** Creates the row; false when another node created it first (its position stands). */
    boolean insert(String key, long position) {
        try {
            return jdbc.sql("INSERT INTO outbox_consumer (name, last_event_id, updated_at) VALUES (?, ?, ?)")
                    .params(key, position, Times.toDb(clock.instant())).update() == 1;
        } catch (DataIntegrityViolationException | PessimisticLockingFailureException lostRace) {
            return false; // MariaDB may report two racing inserts as a deadlock
        }
    }

    void store(String key, long position) {
        jdbc.sql("UPDATE outbox_consumer SET last_event_id = ?, updated_at = ? WHERE name = ?")
                .params(position, Times.toDb(clock.instant()), key).update();
    }

    /** Says the consumer is alive though nothing moved, so pruning keeps waiting for it. */
    void touch(String key) {
        jdbc.sql("UPDATE outbox_consumer SET updated_at = ? WHERE name = ?")
                .params(Times.toDb(clock.instant()), key).update();
    }

    /** Takes over the row stored under {@code from} as {@code to}; its position, or empty when there is none. */
    Optional<Long> adopt(String from, String to) {
        int renamed = jdbc.sql("UPDATE outbox_consumer SET name = ?, updated_at = ? WHERE name = ?")
                .params(to, Times.toDb(clock.instant()), from).update();
        return renamed == 1 ? find(to) : Optional.empty();
    }

    /** The position just before the oldest event kept (0 when there is none): where a new consumer starts. */
    long beforeOldest() {
        return jdbc.sql("SELECT COALESCE(MIN(id), 1) - 1 FROM outbox_event").query(Long.class).single();
    }

    long latest() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM outbox_event").query(Long.class).single();
    }
}
