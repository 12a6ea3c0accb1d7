package org.shegong.search.query;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.shegong.search.SearchLoadProperties;
import org.shegong.system.web.Overloaded;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Load shedding for the readers' search (ADR 0061): at most {@code concurrency} searches compute at once (a search
 * is CPU work, so more at once only share the same cores more slowly), a short queue waits for them in arrival
 * order, and beyond the queue, or after waiting too long, the search is refused with {@link Overloaded} (503 and
 * Retry-After) instead of every reader's search slowing down until all of them time out. A search page passes the gate
 * twice, once for its results and once for its 地区 counts ({@link Pass}); the management port shows each pass's wait
 * and work ({@link SearchGateMeters}).
 */
@Component
public final class SearchGate {

    static final String BUSY = "当前搜索的人数较多，请稍后再试";

    private final Semaphore running;
    private final int places;
    /** Searches running at which every core is taken: crowded from there on (see {@link #crowded()}). */
    private final int busy;
    private final int maxQueued;
    private final long maxWaitNanos;
    private final long retryAfterSeconds;
    private final AtomicInteger queued = new AtomicInteger();
    private final SearchGateMeters meters;

    /** What a search page asks the gate for: its results, then its 地区 counts. */
    public enum Pass {
        RESULTS, REGIONS
    }

    @Autowired
    public SearchGate(SearchLoadProperties properties, MeterRegistry registry) {
        this(properties, Runtime.getRuntime().availableProcessors(), registry);
    }

    /** Unmetered (tests and benchmarks that build an engine by hand). */
    public SearchGate(SearchLoadProperties properties) {
        this(properties, Runtime.getRuntime().availableProcessors(), new SimpleMeterRegistry());
    }

    SearchGate(SearchLoadProperties properties, int cores, MeterRegistry registry) {
        this.places = properties.concurrency();
        this.busy = Math.max(1, Math.min(places, cores));
        this.running = new Semaphore(places, true);
        this.maxQueued = properties.maxQueued();
        this.maxWaitNanos = properties.maxWait().toNanos();
        this.retryAfterSeconds = Math.max(1, properties.retryAfter().toSeconds());
        this.meters = new SearchGateMeters(registry, this);
    }

    /** Runs the work when a place is free, waiting in the queue if there is room; otherwise {@link Overloaded}. */
    public <T> T call(Pass pass, Supplier<T> work) {
        long arrived = System.nanoTime();
        if (!enter()) {
            meters.refused(pass);
            throw new Overloaded(BUSY, retryAfterSeconds);
        }
        long admitted = System.nanoTime();
        try {
            return work.get();
        } finally {
            leave();
            meters.passed(pass, admitted - arrived, System.nanoTime() - admitted);
        }
    }

    /**
     * Takes a place: at once if one is free and nobody waits (a fair semaphore's timed acquire does not barge), else
     * after waiting in the queue, if the queue has room and a place frees up within the wait.
     */
    boolean enter() {
        try {
            if (running.tryAcquire(0, TimeUnit.NANOSECONDS)) {
                return true;
            }
            if (queued.incrementAndGet() > maxQueued) {
                queued.decrementAndGet();
                return false;
            }
            try {
                return running.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
            } finally {
                queued.decrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Gives back a place taken with {@link #enter()}. */
    void leave() {
        running.release();
    }

    /**
     * Whether as many searches run as there are cores (or places, if fewer), or someone waits for a place: then the
     * cores are already shared by whole searches, and a search split over them (RankedSearch) would only do more work
     * in all (each part fills its own best before it can skip anything) without finishing sooner.
     */
    public boolean crowded() {
        return running() >= busy || queued.get() > 0;
    }

    /** Searches refused since start, both passes. */
    public long refused() {
        return meters.refused();
    }

    /** Searches waiting for a place now. */
    int queued() {
        return queued.get();
    }

    /** Searches computing now. */
    int running() {
        return places - running.availablePermits();
    }
}
