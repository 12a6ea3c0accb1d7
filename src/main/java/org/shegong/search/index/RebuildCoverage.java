package org.shegong.search.index;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.shegong.system.outbox.OutboxBacklog;

/**
 * Whether a rebuild runs or is queued, and which outbox events it covers: every event up to the newest one when
 * it started (read before it starts, so everything the indexer was handed until then is included). A queued
 * rebuild covers every event, since it starts after all of them were handed over. See docs/adr/0016.
 */
final class RebuildCoverage {

    private final OutboxBacklog outbox;
    private final Duration settle;
    private boolean running;
    private boolean queued;
    private long covering;
    private long readAt;

    RebuildCoverage(OutboxBacklog outbox, Duration settle) {
        this.outbox = outbox;
        this.settle = settle;
    }

    /** Takes the right to run a rebuild; false when one runs already. */
    boolean begin() {
        long covers = outbox.latestId();
        synchronized (this) {
            if (running) {
                return false;
            }
            running = true;
            cover(covers);
            return true;
        }
    }

    /** Queues a rebuild behind the running one; false when none runs (the caller starts one). */
    synchronized boolean queue() {
        if (running) {
            queued = true;
        }
        return running;
    }

    /**
     * After a rebuild: whether the queued one runs now, covering up to the newest event; if not, rebuilding ends
     * here, in the same step, so that a request cannot be queued behind a rebuild that is no longer running.
     */
    synchronized boolean next(boolean stopping) {
        if (!queued || stopping) {
            end();
            return false;
        }
        queued = false;
        cover(outbox.latestId());
        return true;
    }

    /** Ends rebuilding; returns whether a rebuild was still queued (and will not run). */
    synchronized boolean end() {
        boolean wasQueued = queued;
        queued = false;
        running = false;
        return wasQueued;
    }

    synchronized boolean running() {
        return running;
    }

    synchronized boolean queued() {
        return queued;
    }

    synchronized long covering() {
        return covering;
    }

    /** The position up to which events need no work of their own, given what the last completed rebuild covered. */
    synchronized long coveredUpTo(long completed) {
        if (queued) {
            return Long.MAX_VALUE;
        }
        return running ? covering : completed;
    }

    /**
     * A transaction whose outbox event is at most the covered position may still have been committing when the
     * position was read. Before reading articles, wait as long as the outbox relay waits for such a transaction
     * (its hole timeout), so the rebuild reads what it commits. Returns false when {@code stopping} says to stop.
     */
    boolean settle(BooleanSupplier stopping) {
        long until;
        synchronized (this) {
            until = readAt + settle.toNanos();
        }
        while (System.nanoTime() < until) {
            if (stopping.getAsBoolean()) {
                return false;
            }
            try {
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private void cover(long covers) {
        covering = covers;
        readAt = System.nanoTime();
    }
}
