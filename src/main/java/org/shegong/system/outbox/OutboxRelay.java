package org.shegong.system.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.shegong.system.NodeId;
import org.shegong.system.Times;
import org.shegong.system.outbox.OutboxConsumer.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands outbox events to each consumer in id order and stores how far each got.
 *
 * <p>Several nodes may share the database (ADR 0056). A consumer of {@link Scope#EVERY_NODE} (a cache, a local
 * index) runs on every node from a position of that node's own, {@code name@node}. A consumer of
 * {@link Scope#ONE_NODE} (one that writes rows) runs on one node at a time: the node locks its position row
 * ({@code FOR UPDATE SKIP LOCKED}) for each batch, in a transaction of its own while the consumer works on other
 * connections, so a node that dies releases the lock with its connection and another goes on from the last
 * stored position.
 *
 * <p>Ids are assigned at insert but become visible at commit, so a slow transaction can commit an id lower
 * than one already seen. The relay therefore keeps a frontier: at the start of each pass it moves up to the
 * first hole in the id sequence, stepping over a hole only once it has stayed open for {@link #HOLE_TIMEOUT}
 * (a rolled-back transaction leaves a hole forever). Every consumer is then handed events up to that frontier,
 * so all consumers in a pass see the same events: the page cache never evicts a page for an event that the
 * column listing, ordered before it, has not yet seen in the same pass (a page rendered in between would be
 * cached with the old listing).
 */
@Component
public class OutboxRelay {

    /** How long a gap in the ids may stay open before it is taken for a rolled-back transaction. */
    public static final Duration HOLE_TIMEOUT = Duration.ofSeconds(3);
    /** How often an idle consumer's row is touched, so pruning knows it is alive (see {@link OutboxPruner}). */
    static final Duration HEARTBEAT = Duration.ofMinutes(1);
    private static final int BATCH = 500;
    private static final int FRONTIER_STEP = 10_000;
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;
    private final List<OutboxConsumer> consumers;
    private final Clock clock;
    private final String node;
    private final OutboxPositions positions;
    private final TransactionTemplate locking;
    private final TransactionTemplate outside;
    private final Map<String, Instant> touched = new HashMap<>();
    private final Set<String> started = new HashSet<>();
    /** Every event up to here was visible (or is a hole taken for a rollback); -1 before the first pass. */
    private long frontier = -1;
    private Hole hole;

    public OutboxRelay(JdbcClient jdbc, List<OutboxConsumer> consumers, Clock clock, NodeId node,
                       PlatformTransactionManager transactions) {
        for (OutboxConsumer consumer : consumers) {
            if (consumer.scope() == Scope.ONE_NODE && consumer.startsAtLatest()) {
                throw new IllegalArgumentException(consumer.name() + ": state kept in memory is kept on every node");
            }
        }
        this.jdbc = jdbc;
        this.consumers = consumers;
        this.clock = clock;
        this.node = node.value();
        this.positions = new OutboxPositions(jdbc, clock);
        this.locking = new TransactionTemplate(transactions);
        this.outside = new TransactionTemplate(transactions);
        this.outside.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    @Scheduled(fixedDelayString = "${shegong.outbox.poll-interval:200ms}")
    public void poll() {
        drain();
    }

    /** Delivers everything currently deliverable; returns how many events were handed over in all. */
    public synchronized int drain() {
        if (frontier < 0) {
            frontier = lowestPosition();
        }
        long bound = advanceFrontier();
        int delivered = 0;
        for (OutboxConsumer consumer : consumers) {
            try {
                delivered += consumer.scope() == Scope.EVERY_NODE ? drainOwn(consumer, bound)
                        : drainShared(consumer, bound);
            } catch (RuntimeException e) {
                log.warn("Outbox consumer {} failed; it will retry from its last position", consumer.name(), e);
            }
        }
        return delivered;
    }

    /** Where the frontier starts: the lowest position of this node's consumers (made now where there is none). */
    private long lowestPosition() {
        long lowest = Long.MAX_VALUE;
        for (OutboxConsumer consumer : consumers) {
            lowest = Math.min(lowest, consumer.scope() == Scope.EVERY_NODE ? ownPosition(consumer, key(consumer))
                    : sharedPosition(consumer));
        }
        return lowest == Long.MAX_VALUE ? positions.latest() : lowest;
    }

    /** Moves the frontier over the events visible now, up to the first hole that is not yet old. */
    private long advanceFrontier() {
        Instant now = clock.instant();
        List<Long> ids = jdbc.sql("SELECT id FROM outbox_event WHERE id > ? ORDER BY id LIMIT " + FRONTIER_STEP)
                .param(frontier).query(Long.class).list();
        for (long id : ids) {
            if (id != frontier + 1 && !holeExpired(frontier + 1, now)) {
                break;
            }
            frontier = id;
        }
        return frontier;
    }

    /** The stored name of a consumer's position: per node, or one for all. */
    String key(OutboxConsumer consumer) {
        return key(consumer, node);
    }

    static String key(OutboxConsumer consumer, String node) {
        return consumer.scope() == Scope.EVERY_NODE ? consumer.name() + "@" + node : consumer.name();
    }

    private int drainOwn(OutboxConsumer consumer, long bound) {
        String key = key(consumer);
        long position = ownPosition(consumer, key);
        int delivered = 0;
        while (true) {
            List<OutboxEvent> batch = read(position, bound);
            if (batch.isEmpty()) {
                heartbeat(key);
                return delivered;
            }
            consumer.handle(batch);
            position = batch.get(batch.size() - 1).id();
            store(key, position);
            delivered += batch.size();
        }
    }

    private int drainShared(OutboxConsumer consumer, long bound) {
        String key = key(consumer);
        if (started.add(key)) {
            sharedPosition(consumer);
        }
        int delivered = 0;
        while (true) {
            Integer handed = locking.execute(status -> {
                Optional<Long> locked = positions.lock(key);
                if (locked.isEmpty()) {
                    return -1; // another node is on it, or the row is gone
                }
                List<OutboxEvent> batch = read(locked.get(), bound);
                if (batch.isEmpty()) {
                    heartbeat(key);
                    return 0;
                }
                // The consumer's own transactions run beside this one, which only holds the lock.
                outside.executeWithoutResult(s -> consumer.handle(batch));
                store(key, batch.get(batch.size() - 1).id());
                return batch.size();
            });
            if (handed != null && handed < 0 && positions.find(key).isEmpty()) {
                sharedPosition(consumer); // pruned when no node had touched it for the retention: made again
            }
            if (handed == null || handed <= 0) {
                return delivered;
            }
            delivered += handed;
        }
    }

    /** The shared position; a new consumer starts before the oldest event kept (older ones may have been pruned). */
    private long sharedPosition(OutboxConsumer consumer) {
        String key = key(consumer);
        Optional<Long> stored = positions.find(key);
        if (stored.isPresent()) {
            return stored.get();
        }
        long start = positions.beforeOldest();
        positions.insert(key, start);
        return positions.find(key).orElse(start);
    }

    /**
     * This node's position for a consumer of its own. A cache starts at the newest event in each process; an index
     * resumes, or takes over the position stored before positions were per node, or starts at the oldest event
     * kept and is told it may have missed some (as when its position lies before the oldest event kept).
     */
    private long ownPosition(OutboxConsumer consumer, String key) {
        boolean first = started.add(key);
        Optional<Long> stored = positions.find(key);
        if (consumer.startsAtLatest()) {
            if (stored.isPresent() && !first) {
                return stored.get();
            }
            long latest = positions.latest();
            if (stored.isPresent() || !positions.insert(key, latest)) {
                store(key, latest);
            }
            return latest;
        }
        if (stored.isEmpty()) {
            stored = positions.adopt(consumer.name(), key);
            if (stored.isEmpty()) {
                long start = positions.beforeOldest();
                positions.insert(key, start);
                consumer.missedEvents(start);
                return start;
            }
        }
        if (first) {
            long oldest = positions.beforeOldest();
            if (stored.get() < oldest) {
                log.info("Outbox consumer {} is behind the oldest event kept; it starts over", key);
                consumer.missedEvents(oldest);
            }
        }
        return stored.get();
    }

    private void store(String key, long position) {
        positions.store(key, position);
        touched.put(key, clock.instant());
    }

    private void heartbeat(String key) {
        Instant now = clock.instant();
        Instant last = touched.get(key);
        if (last == null || !now.isBefore(last.plus(HEARTBEAT))) {
            positions.touch(key);
            touched.put(key, now);
        }
    }

    private List<OutboxEvent> read(long after, long upTo) {
        return jdbc.sql("""
                SELECT id, event_type, aggregate_id, payload, created_at FROM outbox_event
                WHERE id > ? AND id <= ? ORDER BY id LIMIT %d""".formatted(BATCH))
                .params(after, upTo)
                .query((rs, n) -> new OutboxEvent(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        Times.fromDb(rs.getObject(5, LocalDateTime.class))))
                .list();
    }

    private boolean holeExpired(long missingId, Instant now) {
        if (hole == null || hole.missingId != missingId) {
            hole = new Hole(missingId, now);
            return false;
        }
        return Duration.between(hole.seenAt, now).compareTo(HOLE_TIMEOUT) >= 0;
    }

    private record Hole(long missingId, Instant seenAt) {
    }
}
