package org.shegong.system.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.shegong.system.Times;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.outbox.OutboxConsumer.Scope;
import org.shegong.system.outbox.OutboxRelayTest.Recorder;

/**
 * Two nodes' relays on one database (ADR 0056): every node follows every event for its own caches and index; a
 * consumer that writes rows runs on one node at a time, each event once; on H2, PostgreSQL and MariaDB.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseTarget.class)
class OutboxOnSeveralNodesTest {

    @Parameter
    DatabaseTarget target;

    OutboxTestBed bed;

    @BeforeEach
    void setUp() {
        bed = OutboxTestBed.on(target);
    }

    @Test
    void everyNodeFollowsEveryEventFromAPositionOfItsOwn() {
        Recorder cacheA = new Recorder("cache", true);
        Recorder cacheB = new Recorder("cache", true);
        Recorder indexA = new Recorder("index", false, Scope.EVERY_NODE);
        Recorder indexB = new Recorder("index", false, Scope.EVERY_NODE);
        OutboxRelay a = bed.relay("node-a", cacheA, indexA);
        OutboxRelay b = bed.relay("node-b", cacheB, indexB);
        bed.append(0);
        a.drain();
        b.drain();
        cacheA.seen.clear();
        cacheB.seen.clear();
        indexA.seen.clear();
        indexB.seen.clear();
        bed.append(1, 2, 3);
        a.drain();
        bed.append(4);
        b.drain();
        a.drain();
        assertThat(cacheA.seen).containsExactly(1L, 2L, 3L, 4L);
        assertThat(cacheB.seen).containsExactly(1L, 2L, 3L, 4L);
        assertThat(indexA.seen).containsExactly(1L, 2L, 3L, 4L);
        assertThat(indexB.seen).containsExactly(1L, 2L, 3L, 4L);
        assertThat(bed.db().jdbc().sql("SELECT name FROM outbox_consumer ORDER BY name").query(String.class).list())
                .containsExactly("cache@node-a", "cache@node-b", "index@node-a", "index@node-b");
    }

    @Test
    void aConsumerThatWritesRowsHandlesEachEventOnceOnWhicheverNodeRunsIt() {
        Recorder onA = new Recorder("rows", false);
        Recorder onB = new Recorder("rows", false);
        OutboxRelay a = bed.relay("node-a", onA);
        OutboxRelay b = bed.relay("node-b", onB);
        bed.append(1, 2);
        b.drain();
        a.drain();
        bed.append(3);
        a.drain();
        b.drain();
        bed.append(4, 5);
        b.drain();
        a.drain();
        List<Long> all = new ArrayList<>(onA.seen);
        all.addAll(onB.seen);
        assertThat(all).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
        assertThat(onB.seen).containsExactly(1L, 2L, 4L, 5L);
        assertThat(bed.db().jdbc().sql("SELECT name FROM outbox_consumer").query(String.class).list()).containsExactly("rows");
    }

    @Test
    void whileOneNodeWorksOnABatchTheOtherPassesTheConsumerByAndTakesOverAfterwards() throws Exception {
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Recorder onA = new Recorder("rows", false) {
            @Override
            public void handle(List<OutboxEvent> events) {
                working.countDown();
                try {
                    assertThat(finish.await(30, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                super.handle(events);
            }
        };
        Recorder onB = new Recorder("rows", false);
        OutboxRelay a = bed.relay("node-a", onA);
        OutboxRelay b = bed.relay("node-b", onB);
        bed.append(1, 2);
        CompletableFuture<Integer> slow = CompletableFuture.supplyAsync(a::drain);
        assertThat(working.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(b.drain()).as("the position row is locked by node A: B does not wait, and skips").isZero();
        finish.countDown();
        assertThat(slow.get(30, TimeUnit.SECONDS)).isEqualTo(2);
        bed.append(3);
        assertThat(b.drain()).isEqualTo(1);
        assertThat(onA.seen).containsExactly(1L, 2L);
        assertThat(onB.seen).containsExactly(3L);
    }

    @Test
    void aNodeTakesOverThePositionStoredBeforePositionsWereKeptPerNodeAndTheNextNodeStartsOver() {
        bed.append(1, 2, 3);
        long third = bed.db().jdbc().sql("SELECT MAX(id) FROM outbox_event").query(Long.class).single();
        bed.db().jdbc().sql("INSERT INTO outbox_consumer (name, last_event_id, updated_at) VALUES ('index', ?, ?)")
                .params(third - 1, Times.toDb(bed.clock().instant())).update();
        Recorder upgraded = new Recorder("index", false, Scope.EVERY_NODE);
        bed.relay("node-a", upgraded).drain();
        assertThat(upgraded.seen).as("resumes where the single node stopped").containsExactly(3L);
        assertThat(upgraded.missed).isZero();

        Recorder added = new Recorder("index", false, Scope.EVERY_NODE);
        bed.relay("node-b", added).drain();
        assertThat(added.seen).containsExactly(1L, 2L, 3L);
        assertThat(added.missed).as("a node without a position of its own is told it may lack events").isEqualTo(1);
    }

    @Test
    void anIdleConsumersRowIsTouchedOnceAMinuteSoPruningKnowsItIsAlive() {
        Recorder cache = new Recorder("cache", true);
        OutboxRelay relay = bed.relay("node-a", cache);
        relay.drain();
        Instant first = updatedAt("cache@node-a");
        bed.clock().advance(OutboxRelay.HEARTBEAT.minusSeconds(1));
        relay.drain();
        assertThat(updatedAt("cache@node-a")).isEqualTo(first);
        bed.clock().advance(java.time.Duration.ofSeconds(2));
        relay.drain();
        assertThat(updatedAt("cache@node-a")).isAfter(first);
    }

    private Instant updatedAt(String name) {
        return Times.fromDb(bed.db().jdbc().sql("SELECT updated_at FROM outbox_consumer WHERE name = ?").param(name)
                .query(java.time.LocalDateTime.class).single());
    }

}
