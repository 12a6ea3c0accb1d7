package org.shegong.system.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shegong.system.NodeId;
import org.shegong.system.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far each outbox consumer is behind, for the metrics: {@code shegong.outbox.behind} (events not yet handed
 * over) and {@code shegong.outbox.lag} (seconds since the oldest of them was written; 0 when none waits), per
 * consumer: for one that runs on every node, this node's copy ({@code name@node}, ADR 0056). A consumer that has not
 * polled yet has no position and reads as NaN.
 *
 * <p>Read on demand (a Prometheus scrape), never in the background, and kept for {@link #FRESH} so a scrape of every
 * gauge costs one round of queries: the consumers' positions, the newest event id, and per consumer the first
 * waiting event by primary key. Events behind is the newest id minus the position: a rolled-back transaction leaves a
 * hole in the ids, so it may count a few events that never were (the relay steps over holes after 3 s).
 */
@Component
public class OutboxLag {

    static final Duration FRESH = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(OutboxLag.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    /** Consumer name to the stored position this node reads its lag from. */
    private final Map<String, String> keys = new HashMap<>();
    private Snapshot snapshot;
    private long takenAtNanos;

    /** Lag of one consumer: events not yet handed over, and the age in seconds of the oldest of them. */
    public record Lag(long events, double seconds) {
    }

    @Autowired
    public OutboxLag(JdbcClient jdbc, Clock clock, List<OutboxConsumer> consumers, NodeId node, MeterRegistry meters) {
        this(jdbc, clock);
        for (OutboxConsumer consumer : consumers) {
            String name = consumer.name();
            String key = OutboxRelay.key(consumer, node.value());
            keys.put(name, key);
            Gauge.builder("shegong.outbox.behind", this, lag -> lag.of(key).map(l -> (double) l.events()).orElse(Double.NaN))
                    .tag("consumer", name).baseUnit("events")
                    .description("Outbox events this consumer has not handled yet").register(meters);
            Gauge.builder("shegong.outbox.lag", this, lag -> lag.of(key).map(Lag::seconds).orElse(Double.NaN))
                    .tag("consumer", name).baseUnit("seconds")
                    .description("Age of the oldest outbox event this consumer has not handled yet").register(meters);
        }
    }

    OutboxLag(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The lag of a stored position ({@code name}, or {@code name@node} for a consumer on every node), at most
     * {@link #FRESH} old; empty before its first poll or when the database fails.
     */
    public Optional<Lag> of(String position) {
        return Optional.ofNullable(snapshot().lags().get(position));
    }

    /** The lag of a consumer by its name, as this node sees it (its own position of a consumer on every node). */
    public Optional<Lag> ofConsumer(String name) {
        return of(keys.getOrDefault(name, name));
    }

    private synchronized Snapshot snapshot() {
        long now = System.nanoTime();
        if (snapshot == null || now - takenAtNanos >= FRESH.toNanos()) {
            snapshot = read();
            takenAtNanos = now;
        }
        return snapshot;
    }

    /** Reads every consumer's lag now. */
    Snapshot read() {
        try {
            Map<String, Long> positions = new HashMap<>();
            jdbc.sql("SELECT name, last_event_id FROM outbox_consumer")
                    .query(rs -> {
                        positions.put(rs.getString(1), rs.getLong(2));
                    });
            long newest = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM outbox_event").query(Long.class).single();
            Instant now = clock.instant();
            Map<String, Lag> lags = new HashMap<>();
            positions.forEach((name, position) -> lags.put(name, lag(position, newest, now)));
            return new Snapshot(lags);
        } catch (RuntimeException e) {
            log.warn("Outbox lag unavailable: {}", e.getMessage());
            return new Snapshot(Map.of());
        }
    }

    private Lag lag(long position, long newest, Instant now) {
        if (newest <= position) {
            return new Lag(0, 0);
        }
        Optional<LocalDateTime> oldest = jdbc.sql("SELECT created_at FROM outbox_event WHERE id > ? ORDER BY id LIMIT 1")
                .param(position).query(LocalDateTime.class).optional();
        double seconds = oldest.map(at -> Math.max(0, Duration.between(Times.fromDb(at), now).toMillis() / 1000.0))
                .orElse(0.0);
        return new Lag(newest - position, seconds);
    }

    record Snapshot(Map<String, Lag> lags) {
    }
}
