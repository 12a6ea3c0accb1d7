package org.shegong.system.outbox;

import java.util.List;
import org.shegong.system.Await;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waits for a running site at rest: every consumer has followed every event, twice a second apart with no new
 * event between, so consumers that write events themselves (region tagging announces its tags) have settled too.
 */
public final class OutboxFollowed {

    private OutboxFollowed() {
    }

    /**
     * With a node's name, that node's consumers and the ones shared by all nodes; with null, every consumer (a
     * database only this site uses).
     */
    public static void await(JdbcClient jdbc, String node) {
        long[] settled = {-1};
        Await.awaitWithin(90_000, () -> {
            long last = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM outbox_event").query(Long.class).single();
            List<Long> positions = node == null
                    ? jdbc.sql("SELECT last_event_id FROM outbox_consumer").query(Long.class).list()
                    : jdbc.sql("SELECT last_event_id FROM outbox_consumer WHERE name LIKE ? OR name NOT LIKE '%@%'")
                            .param("%@" + node).query(Long.class).list();
            boolean followed = last == 0 || (!positions.isEmpty() && positions.stream().allMatch(p -> p >= last));
            boolean settledNow = followed && settled[0] == last;
            settled[0] = followed ? last : -1;
            if (!settledNow) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return settledNow;
        });
    }
}
