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
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
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

    @Test
    void runsSkipsAndFailuresAreCountedAndTimedPerJobForTheMetrics() {
        TestDatabase db = TestDatabase.fresh(target);
        MeterRegistry meters = new SimpleMeterRegistry();
        JobLock a = new JobLock(db.jdbc(), clock, "node-a", new JobRuns(meters));
        JobLock b = new JobLock(db.jdbc(), clock, "node-b", new JobRuns(meters));
        assertThat(a.runOnce("digest", AT_LEAST, AT_MOST, runs::incrementAndGet)).isTrue();
        assertThat(b.runOnce("digest", AT_LEAST, AT_MOST, runs::incrementAndGet)).isFalse();
        clock.advance(AT_MOST);
        assertThatThrownBy(() -> b.runOnce("digest", AT_LEAST, AT_MOST, () -> {
            throw new IllegalStateException("the job failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(a.runLeased("publishing", "owner-a", AT_LEAST, () -> 7)).contains(7);
        assertThat(a.tryAcquire("publishing", "owner-a", AT_LEAST)).as("runLeased gave the lease back").isTrue();
        assertThat(b.runLeased("publishing", "owner-b", AT_LEAST, () -> 1)).isEqualTo(Optional.empty());

        assertThat(count(meters, "digest", JobRuns.SUCCESS)).isEqualTo(1);
        assertThat(count(meters, "digest", JobRuns.SKIPPED)).isEqualTo(1);
        assertThat(count(meters, "digest", JobRuns.FAILURE)).isEqualTo(1);
        assertThat(count(meters, "publishing", JobRuns.SUCCESS)).isEqualTo(1);
        assertThat(count(meters, "publishing", JobRuns.SKIPPED)).isEqualTo(1);
        assertThat(meters.get("shegong.jobs.duration").tags("job", "digest", "outcome", JobRuns.FAILURE).timer().count())
                .isEqualTo(1);
        assertThat(meters.find("shegong.jobs.duration").tags("outcome", JobRuns.SKIPPED).timer())
                .as("a skipped run is not timed").isNull();
    }

    private static double count(MeterRegistry meters, String job, String outcome) {
        return meters.get("shegong.jobs.runs").tags("job", job, "outcome", outcome).counter().count();
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
