package org.shegong.system.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.shegong.system.Times;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A lease on a named job in the job_lock table: of several nodes sharing one database, the one whose
 * conditional UPDATE (or first INSERT) succeeds runs the job; the lease runs out by itself if that node dies.
 * Each statement commits on its own, so the lease is visible to other nodes at once.
 */
@Component
public class JobLock {

    private final JdbcClient jdbc;
    private final Clock clock;

    public JobLock(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True when this node now holds the lease on {@code name} for {@code lease}. */
    public boolean tryAcquire(String name, String owner, Duration lease) {
        Instant now = clock.instant();
        int taken = jdbc.sql("UPDATE job_lock SET locked_until = ?, locked_by = ? WHERE name = ? AND locked_until <= ?")
                .params(Times.toDb(now.plus(lease)), owner, name, Times.toDb(now)).update();
        if (taken == 1) {
            return true;
        }
        try {
            return jdbc.sql("INSERT INTO job_lock (name, locked_until, locked_by) VALUES (?, ?, ?)")
                    .params(name, Times.toDb(now.plus(lease)), owner).update() == 1;
        } catch (DataIntegrityViolationException held) {
            return false;
        }
    }

    /** Gives the lease back early, so the next run (on any node) need not wait for it to run out. */
    public void release(String name, String owner) {
        jdbc.sql("UPDATE job_lock SET locked_until = ? WHERE name = ? AND locked_by = ?")
                .params(Times.toDb(clock.instant()), name, owner).update();
    }
}
