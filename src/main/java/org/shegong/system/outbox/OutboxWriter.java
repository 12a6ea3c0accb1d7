package org.shegong.system.outbox;

import java.time.Clock;
import org.shegong.system.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Appends events inside the caller's transaction: the change and its event commit or roll back together. */
@Component
public class OutboxWriter {

    private final JdbcClient jdbc;
    private final Clock clock;

    public OutboxWriter(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String type, long aggregateId, String payload) {
        jdbc.sql("INSERT INTO outbox_event (event_type, aggregate_id, payload, created_at) VALUES (?, ?, ?, ?)")
                .params(type, aggregateId, payload, Times.toDb(clock.instant()))
                .update();
    }
}
