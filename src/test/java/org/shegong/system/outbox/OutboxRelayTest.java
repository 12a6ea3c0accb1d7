package org.shegong.system.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.shegong.system.MutableClock;
import org.shegong.system.NodeId;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;

/**
 * The relay hands events over in order, remembers positions across restarts and copes with holes; the lag gauges
 * say how far each consumer is behind.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseTarget.class)
class OutboxRelayTest {

    @Parameter
    DatabaseTarget target;

    OutboxTestBed bed;
    TestDatabase db;
    MutableClock clock;
    OutboxWriter writer;

    @BeforeEach
    void setUp() {
        bed = OutboxTestBed.on(target);
        db = bed.db();
        clock = bed.clock();
        writer = bed.writer();
    }

    @Test
    void deliversInOrderAndResumesWhereItStoppedAfterARestart() {
        bed.append(1, 2, 3);
        Recorder index = new Recorder("index", false);
        assertThat(bed.relay("a", index).drain()).isEqualTo(3);
        assertThat(index.seen).containsExactly(1L, 2L, 3L);

        bed.append(4, 5);
        Recorder afterRestart = new Recorder("index", false);
        bed.relay("a", afterRestart).drain();
        assertThat(afterRestart.seen).containsExactly(4L, 5L);
    }

    @Test
    void aMemoryOnlyConsumerStartsAtTheNewestEvent() {
        bed.append(1, 2);
        Recorder cache = new Recorder("cache", true);
        OutboxRelay relay = bed.relay("a", cache);
        relay.drain();
        assertThat(cache.seen).isEmpty();
        bed.append(3);
        relay.drain();
        assertThat(cache.seen).containsExactly(3L);
    }

    @Test
    void aFailingConsumerGetsTheSameBatchAgainAndOthersAreNotHeldUp() {
        bed.append(1, 2);
        Recorder failing = new Recorder("failing", false);
        failing.failuresLeft = 1;
        Recorder healthy = new Recorder("healthy", false);
        OutboxRelay relay = bed.relay("a", failing, healthy);
        relay.drain();
        assertThat(failing.seen).isEmpty();
        assertThat(healthy.seen).containsExactly(1L, 2L);
        relay.drain();
        assertThat(failing.seen).containsExactly(1L, 2L);
    }

    @Test
    void waitsAtAHoleUntilItIsOldThenStepsOverIt() {
        bed.append(1);
        // A transaction that took an id and rolled back leaves a hole in the sequence.
        db.transactions().executeWithoutResult(s -> {
            writer.append("test", 2, null);
            s.setRollbackOnly();
        });
        bed.append(3);
        List<Long> ids = db.jdbc().sql("SELECT id FROM outbox_event ORDER BY id").query(Long.class).list();
        Recorder consumer = new Recorder("consumer", false);
        OutboxRelay relay = bed.relay("a", consumer);
        relay.drain();
        if (ids.get(1) == ids.get(0) + 1) {
            assertThat(consumer.seen).as("no hole on this database: nothing to wait for").containsExactly(1L, 3L);
            return;
        }
        assertThat(consumer.seen).as("held at the hole").containsExactly(1L);
        clock.advance(OutboxRelay.HOLE_TIMEOUT.minusMillis(1));
        relay.drain();
        assertThat(consumer.seen).as("still inside the timeout").containsExactly(1L);
        clock.advance(Duration.ofMillis(2));
        relay.drain();
        assertThat(consumer.seen).containsExactly(1L, 3L);
    }

    @Test
    void theBacklogIsTheNewestIdAndABoundedCountOfWhatLiesBeyondAPosition() {
        OutboxBacklog backlog = new OutboxBacklog(db.jdbc());
        assertThat(backlog.latestId()).isZero();
        bed.append(1, 2, 3, 4, 5);
        List<Long> ids = db.jdbc().sql("SELECT id FROM outbox_event ORDER BY id").query(Long.class).list();
        assertThat(backlog.latestId()).isEqualTo(ids.get(4));
        assertThat(backlog.countAfter(ids.get(0), 100)).isEqualTo(4);
        assertThat(backlog.countAfter(ids.get(0), 3)).isEqualTo(3);
        assertThat(backlog.countAfter(ids.get(4), 100)).isZero();
    }

    @Test
    void aConsumerThatKeepsFailingFallsBehindByEventsAndSecondsAndTheLagGaugesSaySo() {
        Recorder fast = new Recorder("fast", false);
        Recorder stuck = new Recorder("stuck", false, OutboxConsumer.Scope.EVERY_NODE);
        stuck.failuresLeft = Integer.MAX_VALUE;
        MeterRegistry early = new SimpleMeterRegistry();
        new OutboxLag(db.jdbc(), clock, List.of(fast, stuck), NodeId.of("a"), early);
        assertThat(gauge(early, "shegong.outbox.behind", "stuck")).as("no position before the first poll").isNaN();

        bed.append(1, 2, 3);
        clock.advance(Duration.ofSeconds(90));
        bed.append(4);
        bed.relay("a", fast, stuck).drain();

        assertThat(new OutboxLag(db.jdbc(), clock).of("fast")).contains(new OutboxLag.Lag(0, 0));
        assertThat(new OutboxLag(db.jdbc(), clock).of("stuck@a")).contains(new OutboxLag.Lag(4, 90));
        assertThat(new OutboxLag(db.jdbc(), clock).of("stuck")).as("a position per node").isEmpty();
        assertThat(new OutboxLag(db.jdbc(), clock).of("nobody")).isEmpty();
        // The gauges read a snapshot kept a few seconds, so a scrape of all of them costs one round of queries.
        assertThat(gauge(early, "shegong.outbox.behind", "stuck")).as("the snapshot from before the poll").isNaN();
        MeterRegistry meters = new SimpleMeterRegistry();
        OutboxLag scraped = new OutboxLag(db.jdbc(), clock, List.of(fast, stuck), NodeId.of("a"), meters);
        assertThat(gauge(meters, "shegong.outbox.behind", "stuck")).isEqualTo(4);
        assertThat(gauge(meters, "shegong.outbox.lag", "stuck")).isEqualTo(90);
        assertThat(gauge(meters, "shegong.outbox.behind", "fast")).isZero();
        assertThat(gauge(meters, "shegong.outbox.lag", "fast")).isZero();
        bed.append(5, 6);
        assertThat(scraped.of("stuck@a")).contains(new OutboxLag.Lag(4, 90));
        assertThat(new OutboxLag(db.jdbc(), clock).of("stuck@a")).contains(new OutboxLag.Lag(6, 90));
    }

    private static double gauge(MeterRegistry meters, String name, String consumer) {
        return meters.get(name).tag("consumer", consumer).gauge().value();
    }

    static class Recorder implements OutboxConsumer {

        final String name;
        final boolean latest;
        final Scope scope;
        final List<Long> seen = new ArrayList<>();
        int failuresLeft;
        int missed;

        Recorder(String name, boolean latest) {
            this(name, latest, latest ? Scope.EVERY_NODE : Scope.ONE_NODE);
        }

        Recorder(String name, boolean latest, Scope scope) {
            this.name = name;
            this.latest = latest;
            this.scope = scope;
        }

        @Override
        public Scope scope() {
            return scope;
        }

        @Override
        public void missedEvents(long resumesAfter) {
            missed++;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean startsAtLatest() {
            return latest;
        }

        @Override
        public synchronized void handle(List<OutboxEvent> events) {
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new IllegalStateException("simulated failure");
            }
            for (OutboxEvent event : events) {
                seen.add(event.aggregateId());
            }
        }
    }
}
