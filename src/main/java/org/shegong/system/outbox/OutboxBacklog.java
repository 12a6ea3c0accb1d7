package org.shegong.system.outbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What lies in the outbox beyond a position, for a consumer that would rather start over (rebuild the search
 * index from the database) than work through a large backlog event by event. Apart from the relay, which
 * depends on every consumer, so that a consumer can depend on this.
 */
@Component
public class OutboxBacklog {

    private final JdbcClient jdbc;

    public OutboxBacklog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The highest event id written so far (0 when there is none). */
    public long latestId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM outbox_event").query(Long.class).single();
    }

    /** How many events have an id above {@code eventId}, counted up to {@code limit} (a bounded index range). */
    public long countAfter(long eventId, int limit) {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT id FROM outbox_event WHERE id > ? ORDER BY id LIMIT %d) pending"
                        .formatted(limit))
                .param(eventId).query(Long.class).single();
    }
}
