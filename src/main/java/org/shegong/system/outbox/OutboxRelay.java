package org.shegong.system.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shegong.system.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands outbox events to each consumer in id order and stores how far each got.
 *
 * <p>Ids are assigned at insert but become visible at commit, so a slow transaction can commit an id lower
 * than one already seen. The relay therefore stops at a hole in the id sequence and only steps over it once
 * it has stayed open for {@link #HOLE_TIMEOUT} (a rolled-back transaction leaves a hole forever).
 */
@Component
public class OutboxRelay {

    /** How long a gap in the ids may stay open before it is taken for a rolled-back transaction. */
    public static final Duration HOLE_TIMEOUT = Duration.ofSeconds(3);
    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;
    private final List<OutboxConsumer> consumers;
    private final Clock clock;
    private final Map<String, Hole> holes = new HashMap<>();
    private final Set<String> started = new HashSet<>();

    public OutboxRelay(JdbcClient jdbc, List<OutboxConsumer> consumers, Clock clock) {
        this.jdbc = jdbc;
        this.consumers = consumers;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${shegong.outbox.poll-interval:200ms}")
    public void poll() {
        drain();
    }

    /** Delivers everything currently deliverable; returns how many events were handed over in all. */
    public synchronized int drain() {
        int delivered = 0;
        for (OutboxConsumer consumer : consumers) {
            try {
                delivered += drain(consumer);
            } catch (RuntimeException e) {
                log.warn("Outbox consumer {} failed; it will retry from its last position", consumer.name(), e);
            }
        }
        return delivered;
    }

    private int drain(OutboxConsumer consumer) {
        long position = positionOf(consumer);
        int delivered = 0;
        while (true) {
            List<OutboxEvent> batch = contiguous(consumer.name(), position, read(position));
            if (batch.isEmpty()) {
                return delivered;
            }
            consumer.handle(batch);
            position = batch.get(batch.size() - 1).id();
            jdbc.sql("UPDATE outbox_consumer SET last_event_id = ?, updated_at = ? WHERE name = ?")
                    .params(position, Times.toDb(clock.instant()), consumer.name())
                    .update();
            delivered += batch.size();
        }
    }

    private List<OutboxEvent> read(long after) {
        return jdbc.sql("""
                SELECT id, event_type, aggregate_id, payload, created_at FROM outbox_event
                WHERE id > ? ORDER BY id LIMIT %d""".formatted(BATCH))
                .param(after)
                .query((rs, n) -> new OutboxEvent(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        Times.fromDb(rs.getObject(5, LocalDateTime.class))))
                .list();
    }

    private List<OutboxEvent> contiguous(String consumer, long position, List<OutboxEvent> events) {
        List<OutboxEvent> ready = new ArrayList<>();
        long expected = position + 1;
        for (OutboxEvent event : events) {
            if (event.id() != expected && !holeExpired(consumer, expected)) {
                break;
            }
            ready.add(event);
            expected = event.id() + 1;
        }
        if (!ready.isEmpty()) {
            holes.remove(consumer);
        }
        return ready;
    }

    private boolean holeExpired(String consumer, long missingId) {
        Instant now = clock.instant();
        Hole hole = holes.get(consumer);
        if (hole == null || hole.missingId != missingId) {
            holes.put(consumer, new Hole(missingId, now));
            return false;
        }
        return Duration.between(hole.seenAt, now).compareTo(HOLE_TIMEOUT) >= 0;
    }

    private long positionOf(OutboxConsumer consumer) {
        List<Long> stored = jdbc.sql("SELECT last_event_id FROM outbox_consumer WHERE name = ?")
                .param(consumer.name()).query(Long.class).list();
        boolean firstInThisProcess = started.add(consumer.name());
        if (!stored.isEmpty() && !(firstInThisProcess && consumer.startsAtLatest())) {
            return stored.get(0);
        }
        // A new persistent consumer starts before the oldest event kept (older ones may have been pruned).
        long start = jdbc.sql(consumer.startsAtLatest() ? "SELECT COALESCE(MAX(id), 0) FROM outbox_event"
                : "SELECT COALESCE(MIN(id), 1) - 1 FROM outbox_event").query(Long.class).single();
        if (stored.isEmpty()) {
            jdbc.sql("INSERT INTO outbox_consumer (name, last_event_id, updated_at) VALUES (?, ?, ?)")
                    .params(consumer.name(), start, Times.toDb(clock.instant())).update();
        } else {
            jdbc.sql("UPDATE outbox_consumer SET last_event_id = ?, updated_at = ? WHERE name = ?")
                    .params(start, Times.toDb(clock.instant()), consumer.name()).update();
        }
        return start;
    }

    private record Hole(long missingId, Instant seenAt) {
    }
}
