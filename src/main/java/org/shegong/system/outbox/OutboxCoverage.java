package org.shegong.system.outbox;

import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * For a command that did a shared consumer's work itself — {@code retag} reads every article, so every event written
 * before it started is done for the region tagger. Without this the next server start hands the same events (a bulk
 * import's) to the consumer again and repeats hours of work at a million articles.
 */
@Component
public class OutboxCoverage {

    private final JdbcClient jdbc;
    private final OutboxPositions positions;

    public OutboxCoverage(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.positions = new OutboxPositions(jdbc, clock);
    }

    /** The newest event now; read it before the work starts, so nothing written during the work is passed over. */
    public long latest() {
        return positions.latest();
    }

    /**
     * Moves a {@link OutboxConsumer.Scope#ONE_NODE} consumer past {@code position}, never back: a server running
     * meanwhile may already be further on (it holds the row locked while it works, so this waits for it).
     */
    public void coveredUpTo(String consumerName, long position) {
        // No transaction: on PostgreSQL a failed insert (another node created the row) would abort it.
        if (moveForward(consumerName, position) == 0 && positions.find(consumerName).isEmpty()
                && !positions.insert(consumerName, position)) {
            moveForward(consumerName, position);
        }
    }

    private int moveForward(String consumerName, long position) {
        return jdbc.sql("UPDATE outbox_consumer SET last_event_id = ? WHERE name = ? AND last_event_id < ?")
                .params(position, consumerName, position).update();
    }
}
