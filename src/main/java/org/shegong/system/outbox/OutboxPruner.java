package org.shegong.system.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.shegong.system.NodeId;
import org.shegong.system.Times;
import org.shegong.system.jobs.JobLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes outbox events that every consumer has handled and that are older than the retention
 * ({@code shegong.outbox.retention}, 7 days), on one node at a time. A consumer row not updated for longer than
 * the retention belongs to a node that is gone (or to a consumer that no longer exists): the relay touches the
 * rows of every live consumer at least once a minute, so such a row is deleted and no longer holds pruning back.
 * A node that comes back after that starts over: its caches start at the newest event anyway, its index is
 * rebuilt ({@link OutboxConsumer#missedEvents(long)}). The newest event is always kept, so that a position behind
 * the oldest event kept can be recognised.
 */
@Component
@Profile("!cli")
public class OutboxPruner {

    static final String JOB = "outbox-prune";
    private static final int CHUNK = 10_000;
    private static final Logger log = LoggerFactory.getLogger(OutboxPruner.class);

    private final JdbcClient jdbc;
    private final JobLock lock;
    private final Clock clock;
    private final String node;
    private final Duration retention;

    OutboxPruner(JdbcClient jdbc, JobLock lock, Clock clock, NodeId node,
                 @Value("${shegong.outbox.retention:7d}") Duration retention) {
        if (retention.compareTo(OutboxRelay.HEARTBEAT.multipliedBy(10)) < 0) {
            throw new IllegalArgumentException("shegong.outbox.retention must be at least "
                    + OutboxRelay.HEARTBEAT.multipliedBy(10).toMinutes() + " minutes");
        }
        this.jdbc = jdbc;
        this.lock = lock;
        this.clock = clock;
        this.node = node.value();
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${shegong.outbox.prune-interval:1h}", initialDelayString = "${shegong.outbox.prune-interval:1h}")
    public void scheduled() {
        if (lock.tryAcquire(JOB, node, Duration.ofMinutes(30))) {
            try {
                prune();
            } finally {
                lock.release(JOB, node);
            }
        }
    }

    /** Returns how many events were deleted. */
    public long prune() {
        Instant before = clock.instant().minus(retention);
        int forgotten = jdbc.sql("DELETE FROM outbox_consumer WHERE updated_at < ?")
                .param(Times.toDb(before)).update();
        if (forgotten > 0) {
            log.info("Outbox: forgot {} consumer positions not updated since {} (nodes gone)", forgotten, before);
        }
        // No consumer left at all: nobody waits (the retention still keeps the recent events).
        long handled = jdbc.sql("SELECT COALESCE(MIN(last_event_id), ?) FROM outbox_consumer").param(Long.MAX_VALUE)
                .query(Long.class).single();
        long newest = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM outbox_event").query(Long.class).single();
        long upTo = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM outbox_event WHERE id <= ? AND id < ? AND created_at < ?")
                .params(handled, newest, Times.toDb(before)).query(Long.class).single();
        long oldest = jdbc.sql("SELECT COALESCE(MIN(id), 0) FROM outbox_event").query(Long.class).single();
        long deleted = 0;
        for (long from = oldest; from <= upTo && upTo > 0; from += CHUNK) {
            deleted += jdbc.sql("DELETE FROM outbox_event WHERE id >= ? AND id < ? AND id <= ?")
                    .params(from, from + CHUNK, upTo).update();
        }
        if (deleted > 0) {
            log.info("Outbox: deleted {} events up to id {}", deleted, upTo);
        }
        return deleted;
    }
}
