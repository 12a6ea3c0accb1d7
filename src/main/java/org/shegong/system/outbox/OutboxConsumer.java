package org.shegong.system.outbox;

import java.util.List;

/**
 * Something derived from the database (an index, a cache, rows of its own) that follows the outbox in order. The
 * relay remembers the last event handed over, so a restart resumes where it stopped; where it remembers it, and
 * who runs the consumer when several nodes share the database, depends on {@link #scope()} (ADR 0056).
 */
public interface OutboxConsumer {

    /** Where a consumer's state lives, which decides which nodes run it. */
    enum Scope {
        /**
         * State on this node (memory, a local index): every node runs the consumer and has its own position,
         * stored as {@code name@node}.
         */
        EVERY_NODE,
        /**
         * State in the shared database (rows it writes, mail it queues): one node at a time runs it, holding its
         * position row locked while it works; the position is stored under the consumer's name.
         */
        ONE_NODE
    }

    String name();

    /** Called with events in id order; throwing makes the relay retry the same batch later. */
    void handle(List<OutboxEvent> events);

    Scope scope();

    /**
     * A consumer whose state lives only in memory (a cache) has nothing to catch up on after a restart,
     * so it starts at the newest event; a persistent one (an index) starts at the beginning.
     */
    default boolean startsAtLatest() {
        return false;
    }

    /**
     * For a persistent {@link Scope#EVERY_NODE} consumer: this node has no position of its own, or its position
     * lies before the oldest event kept, so events up to {@code resumesAfter} that it never handled may be gone (a
     * new node, or one that was away longer than the outbox keeps events); it is handed every event after that
     * position. A consumer that can start over (an index: rebuild) does so here, unless it knows its state already
     * covers those events (an index built by the {@code reindex} command before the server's first start).
     */
    default void missedEvents(long resumesAfter) {
    }
}
