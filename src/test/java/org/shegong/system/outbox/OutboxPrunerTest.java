package org.shegong.system.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.shegong.system.NodeId;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.jobs.JobLock;
import org.shegong.system.outbox.OutboxConsumer.Scope;
import org.shegong.system.outbox.OutboxRelayTest.Recorder;

/** Old events go once every live consumer has them; a node that is gone holds nothing back for ever. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseTarget.class)
class OutboxPrunerTest {

    static final Duration RETENTION = Duration.ofDays(7);

    @Parameter
    DatabaseTarget target;

    OutboxTestBed bed;
    OutboxPruner pruner;

    @BeforeEach
    void setUp() {
        bed = OutboxTestBed.on(target);
        pruner = new OutboxPruner(bed.db().jdbc(), new JobLock(bed.db().jdbc(), bed.clock(), "a"), bed.clock(), NodeId.of("a"), RETENTION);
    }

    @Test
    void deletesOldEventsEveryConsumerHasAndKeepsTheNewestTheUnhandledAndTheRecent() {
        Recorder rows = new Recorder("rows", false);
        Recorder slow = new Recorder("slow", false, Scope.EVERY_NODE);
        OutboxRelay relay = bed.relay("node-a", rows, slow);
        bed.append(1, 2, 3);
        relay.drain();
        bed.clock().advance(RETENTION.plusDays(1));
        relay.drain(); // nothing new: both say they are alive
        bed.append(4); // handled by rows only: slow fails on it
        slow.failuresLeft = 1;
        relay.drain();
        assertThat(pruner.prune()).as("1, 2, 3: old and handled by all; 4 not yet by slow").isEqualTo(3);
        assertThat(aggregates()).containsExactly(4L);

        relay.drain(); // slow has 4 now
        bed.clock().advance(RETENTION.plusDays(1));
        bed.append(5);
        relay.drain();
        bed.append(6);
        assertThat(pruner.prune()).as("4 is old and handled; 5 is recent; 6 is unhandled and the newest")
                .isEqualTo(1);
        assertThat(aggregates()).containsExactly(5L, 6L);
    }

    @Test
    void aConsumerThatHasNotMovedForLongerThanTheRetentionIsTakenForGone() {
        Recorder stuck = new Recorder("stuck", false, Scope.EVERY_NODE);
        OutboxRelay relay = bed.relay("node-a", stuck);
        bed.append(1);
        relay.drain();
        bed.append(2, 3);
        stuck.failuresLeft = Integer.MAX_VALUE; // a poison event, say: it keeps failing and never moves
        for (int day = 0; day < 8; day++) {
            bed.clock().advance(Duration.ofDays(1));
            relay.drain();
        }
        bed.append(4);
        assertThat(pruner.prune()).as("its row is forgotten, so nothing waits for 1, 2, 3").isEqualTo(3);
        assertThat(aggregates()).containsExactly(4L);
        int missedBefore = stuck.missed; // a new consumer is told so at its first delivery
        stuck.failuresLeft = 0;
        relay.drain();
        assertThat(stuck.missed - missedBefore).as("made again, it is told it missed events (an index rebuilds)")
                .isEqualTo(1);
    }

    @Test
    void aNodeGoneLongerThanTheRetentionNoLongerHoldsPruningBackAndStartsOverWhenItReturns() {
        Recorder indexA = new Recorder("index", false, Scope.EVERY_NODE);
        Recorder indexB = new Recorder("index", false, Scope.EVERY_NODE);
        OutboxRelay a = bed.relay("node-a", indexA);
        OutboxRelay b = bed.relay("node-b", indexB);
        bed.append(1);
        a.drain();
        b.drain(); // node B stops here, for good or for a long while
        for (int day = 0; day < 9; day++) {
            bed.append(10 + day);
            bed.clock().advance(Duration.ofDays(1));
            a.drain();
        }
        assertThat(pruner.prune()).as("B's position, not updated for 9 days, is forgotten").isGreaterThan(0);
        assertThat(bed.db().jdbc().sql("SELECT name FROM outbox_consumer").query(String.class).list())
                .containsExactly("index@node-a");
        assertThat(aggregates()).doesNotContain(1L, 10L).contains(18L);

        Recorder returned = new Recorder("index", false, Scope.EVERY_NODE);
        bed.relay("node-b", returned).drain();
        assertThat(returned.missed).as("events it never had are gone: its index starts over").isEqualTo(1);
        assertThat(returned.seen).isEqualTo(aggregates());
    }

    @Test
    void aReturningNodeWhosePositionWasKeptButIsBeforeTheOldestEventIsToldItMissedSome() {
        Recorder index = new Recorder("index", false, Scope.EVERY_NODE);
        Recorder other = new Recorder("other", false);
        bed.append(1, 2);
        bed.relay("node-a", index, other).drain();
        bed.append(3, 4);
        bed.relay("node-b", other).drain();
        // Node A's row is kept (updated just now) but the events after it went, as if it had been forgotten and
        // made again by hand: the relay recognises a position before the oldest event kept.
        bed.db().jdbc().sql("DELETE FROM outbox_event WHERE aggregate_id IN (1, 2, 3)").update();
        Recorder again = new Recorder("index", false, Scope.EVERY_NODE);
        bed.relay("node-a", again).drain();
        assertThat(again.missed).isEqualTo(1);
    }

    private List<Long> aggregates() {
        return bed.db().jdbc().sql("SELECT aggregate_id FROM outbox_event ORDER BY id").query(Long.class).list();
    }

}
