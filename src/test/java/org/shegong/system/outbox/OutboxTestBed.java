package org.shegong.system.outbox;

import java.time.Instant;
import java.util.List;
import org.shegong.system.MutableClock;
import org.shegong.system.NodeId;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;

/** A fresh test database's outbox as nodes see it: relays under node names, events appended in a transaction. */
record OutboxTestBed(TestDatabase db, MutableClock clock, OutboxWriter writer) {

    static OutboxTestBed on(DatabaseTarget target) {
        TestDatabase db = TestDatabase.fresh(target);
        MutableClock clock = new MutableClock(Instant.parse("2021-08-30T00:00:00Z"));
        return new OutboxTestBed(db, clock, new OutboxWriter(db.jdbc(), clock));
    }

    OutboxRelay relay(String node, OutboxConsumer... consumers) {
        return new OutboxRelay(db.jdbc(), List.of(consumers), clock, NodeId.of(node),
                db.transactions().getTransactionManager());
    }

    /** One event of type "test" per aggregate id, all in one transaction. */
    void append(long... aggregates) {
        db.transactions().executeWithoutResult(s -> {
            for (long aggregate : aggregates) {
                writer.append("test", aggregate, null);
            }
        });
    }
}
