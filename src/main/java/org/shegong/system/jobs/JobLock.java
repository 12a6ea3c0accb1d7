package org.shegong.system.jobs;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
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
 * PostgreSQL transaction. Every run, skip and failure is counted for the metrics ({@link JobRuns}).
 */
@Component
public class JobLock {

    private static final Logger log = LoggerFactory.getLogger(JobLock.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String node;
    private final JobRuns runs;

    @Autowired
    public JobLock(JdbcClient jdbc, Clock clock, JobRuns runs) {
        this(jdbc, clock, ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID(), runs);
    }

    public JobLock(JdbcClient jdbc, Clock clock) {
        this(jdbc, clock, JobRuns.unobserved());
    }

    public JobLock(JdbcClient jdbc, Clock clock, String node) {
        this(jdbc, clock, node, JobRuns.unobserved());
    }

    JobLock(JdbcClient jdbc, Clock clock, String node, JobRuns runs) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.node = node.length() > 128 ? node.substring(0, 128) : node;
        this.runs = runs;
    }

    /** Runs {@code job} if this node gets the lease; returns whether it ran. */
    public boolean runOnce(String name, Duration holdAtLeast, Duration holdAtMost, Runnable job) {
        Instant lockedAt = Times.truncate(clock.instant());
        if (!acquire(name, lockedAt, lockedAt.plus(holdAtMost))) {
            log.info("Job {} skipped: another node holds it", name);
            runs.skipped(name);
            return false;
        }
        try {
            return runs.record(name, () -> {
                job.run();
                return true;
            });
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

    /**
     * Runs {@code job} under the renewable lease {@code name} held as {@code owner} ({@link #tryAcquire}), and gives
     * the lease back after; empty when another owner holds it.
     */
    public <T> Optional<T> runLeased(String name, String owner, Duration lease, Supplier<T> job) {
        if (!tryAcquire(name, owner, lease)) {
            runs.skipped(name);
            return Optional.empty();
        }
        try {
            return Optional.of(runs.record(name, job));
        } finally {
            release(name, owner);
        }
    }

    /** Gives the lease back early, so the next run (on any node) need not wait for it to run out. */
    public void release(String name, String owner) {
        jdbc.sql("UPDATE job_lock SET lease_until = ? WHERE name = ? AND locked_by = ?")
                .params(Times.toDb(clock.instant()), name, owner).update();
    }
}
