package org.shegong.system.outbox;

import java.util.List;

/**
 * Something derived from the database (an index, a cache) that follows the outbox in order. The relay
 * remembers, per consumer name, the last event handed over, so a restart resumes where it stopped.
 */
public interface OutboxConsumer {

    String name();

    /** Called with events in id order; throwing makes the relay retry the same batch later. */
    void handle(List<OutboxEvent> events);

    /**
     * A consumer whose state lives only in memory (a cache) has nothing to catch up on after a restart,
     * so it starts at the newest event; a persistent one (an index) starts at the beginning.
     */
    default boolean startsAtLatest() {
        return false;
    }
}
