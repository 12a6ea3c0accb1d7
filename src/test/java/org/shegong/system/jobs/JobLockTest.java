package org.shegong.system.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.shegong.system.MutableClock;
import org.shegong.system.Times;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;

/** One run per occurrence across nodes sharing a database, on H2, PostgreSQL and MariaDB. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseTarget.class)
class JobLockTest {

    static final Duration AT_LEAST = Duration.ofMinutes(30);
    static final Duration AT_MOST = Duration.ofHours(1);

    @Parameter
    DatabaseTarget target;

    MutableClock clock = new MutableClock(Instant.parse("2021-08-30T00:00:00Z"));
    JobLock nodeA;
    JobLock nodeB;
    AtomicInteger runs = new AtomicInteger();

    @BeforeEach
    void setUp() {
        TestDatabase db = TestDatabase.fresh(target);
        nodeA = new JobLock(db.jdbc(), clock, "node-a");
        nodeB = new JobLock(db.jdbc(), clock, "node-b");
    }

    @Test
    void manyNodesFiringAtOnceRunTheJobOnce() throws Exception {
        TestDatabase db = TestDatabase.fresh(target);
        List<JobLock> nodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            nodes.add(new JobLock(db.jdbc(), clock, "node-" + i));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (JobLock node : nodes) {
                results.add(pool.submit(() -> {
                    start.await();
                    return node.runOnce("job", AT_LEAST, AT_MOST, this::slowJob);
                }));
            }
            start.countDown();
            long ran = 0;
            for (Future<Boolean> result : results) {
                ran += result.get() ? 1 : 0;
            }
            assertThat(ran).isEqualTo(1);
            assertThat(runs).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLateNodeDoesNotRepeatTheOccurrenceButTheNextOccurrenceRuns() {
        assertThat(nodeA.runOnce("job", AT_LEAST, AT_MOST, runs::incrementAndGet)).isTrue();
        clock.advance(Duration.ofMinutes(2));
        assertThat(nodeB.runOnce("job", AT_LEAST, AT_MOST, runs::incrementAndGet)).isFalse();
        assertThat(nodeB.runOnce("other-job", AT_LEAST, AT_MOST, runs::incrementAndGet)).isTrue();
        clock.advance(Duration.ofDays(7));
        assertThat(nodeB.runOnce("job", AT_LEAST, AT_MOST, runs::incrementAndGet)).isTrue();
        assertThat(runs).hasValue(3);
    }

    @Test
    void aNodeThatDiedHoldingTheLeaseBlocksOnlyUntilItExpires() {
        // Node A took the lease and its process died: nothing released it.
        TestDatabase.fresh(target).jdbc().sql("INSERT INTO job_lock (name, locked_by, locked_at, lease_until) "
                        + "VALUES ('job', 'node-a', ?, ?)")
                .params(Times.toDb(clock.instant()), Times.toDb(clock.instant().plus(AT_MOST))).update();
        clock.advance(AT_MOST.minusSeconds(1));
        assertThat(nodeB.runOnce("job", AT_LEAST, AT_MOST, runs::incrementAndGet)).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(nodeB.runOnce("job", AT_LEAST, AT_MOST, runs::incrementAndGet)).isTrue();
        assertThat(runs).hasValue(1);
    }

    @Test
    void aFailingJobKeepsTheLeaseForTheMinimumHoldOnly() {
        assertThatThrownBy(() -> nodeA.runOnce("job", AT_LEAST, AT_MOST, () -> {
            throw new IllegalStateException("the job failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(nodeB.runOnce("job", AT_LEAST, AT_MOST, runs::incrementAndGet)).isFalse();
        clock.advance(AT_LEAST);
        assertThat(nodeB.runOnce("job", AT_LEAST, AT_MOST, runs::incrementAndGet)).isTrue();
    }

    private void slowJob() {
        runs.incrementAndGet();
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
