package org.shegong.system.jobs;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.shegong.system.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs a scheduled job on one node only, when several nodes share the database: the node that moves the
 * job's lease forward (an UPDATE that only matches an expired lease, or the first INSERT) runs it; the others
 * skip. After the job the lease is kept for at least {@code holdAtLeast}, so a node whose clock or timer fires
 * a little later does not run the same occurrence again. A node that dies while holding the lease blocks the
 * job until {@code holdAtMost} has passed.
 *
 * <p>Statements run outside any transaction on purpose: a failed INSERT must not abort a caller's
 * PostgreSQL transaction.
 */
@Component
public class JobLock {

    private static final Logger log = LoggerFactory.getLogger(JobLock.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String node;

    @Autowired
    public JobLock(JdbcClient jdbc, Clock clock) {
        this(jdbc, clock, ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID());
    }

    public JobLock(JdbcClient jdbc, Clock clock, String node) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.node = node.length() > 128 ? node.substring(0, 128) : node;
    }

    /** Runs {@code job} if this node gets the lease; returns whether it ran. */
    public boolean runOnce(String name, Duration holdAtLeast, Duration holdAtMost, Runnable job) {
        Instant lockedAt = Times.truncate(clock.instant());
        if (!acquire(name, lockedAt, lockedAt.plus(holdAtMost))) {
            log.info("Job {} skipped: another node holds it", name);
            return false;
        }
        try {
            job.run();
            return true;
        } finally {
            Instant now = clock.instant();
            Instant keep = lockedAt.plus(holdAtLeast);
            jdbc.sql("UPDATE job_lock SET lease_until = ? WHERE name = ? AND locked_by = ?")
                    .params(Times.toDb(now.isAfter(keep) ? now : keep), name, node).update();
        }
    }

    private boolean acquire(String name, Instant now, Instant until) {
        return take(name, node, now, until, false);
    }

    /**
     * Moves an expired lease to {@code holder}, or creates the first one. Losing the race is not an error: a
     * duplicate key means another node inserted first, and MariaDB may instead report a deadlock between the
     * competing inserts; either way the other node holds the lease. With {@code renew} the holder may also
     * extend a lease it still holds.
     */
    private boolean take(String name, String holder, Instant now, Instant until, boolean renew) {
        try {
            int taken = jdbc.sql("UPDATE job_lock SET locked_by = ?, locked_at = ?, lease_until = ?"
                            + " WHERE name = ? AND (lease_until <= ? OR (? AND locked_by = ?))")
                    .params(holder, Times.toDb(now), Times.toDb(until), name, Times.toDb(now), renew, holder)
                    .update();
            if (taken == 1) {
                return true;
            }
            return jdbc.sql("INSERT INTO job_lock (name, locked_by, locked_at, lease_until) VALUES (?, ?, ?, ?)")
                    .params(name, holder, Times.toDb(now), Times.toDb(until)).update() == 1;
        } catch (DataIntegrityViolationException | PessimisticLockingFailureException lostRace) {
            return false;
        }
    }

    /**
     * Takes the lease on {@code name} for {@code lease} as {@code owner} if it is free, for jobs that run
     * in steps and renew their lease; pair with {@link #release}. True when this owner now holds it.
     */
    public boolean tryAcquire(String name, String owner, Duration lease) {
        Instant now = Times.truncate(clock.instant());
        String holder = owner.length() > 128 ? owner.substring(0, 128) : owner;
        return take(name, holder, now, now.plus(lease), true);
    }

    /** Gives the lease back early, so the next run (on any node) need not wait for it to run out. */
    public void release(String name, String owner) {
        jdbc.sql("UPDATE job_lock SET lease_until = ? WHERE name = ? AND locked_by = ?")
                .params(Times.toDb(clock.instant()), name, owner).update();
    }
}
