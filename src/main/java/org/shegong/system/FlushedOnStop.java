package org.shegong.system;

import org.springframework.context.SmartLifecycle;

/**
 * A counter that keeps counts in memory ({@link BatchedCounts}) and writes them on a schedule: this base writes
 * what is left when the application stops, after the web server has stopped taking requests and before the
 * connection pool closes, so a clean shutdown loses no count.
 */
public abstract class FlushedOnStop implements SmartLifecycle {

    private volatile boolean running;

    /** Writes the pending counts (the subclass schedules it too). */
    public abstract void flush();

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        flush();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Lower than the web server's phase: stops after it has stopped taking requests, before the pool closes. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }
}
