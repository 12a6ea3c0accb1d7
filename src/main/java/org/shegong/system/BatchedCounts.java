package org.shegong.system;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts per id (article views, attachment downloads) kept in memory and written in batches: a row update per
 * hit would serialise every reader of a popular item on one row lock. Used by a scheduled flush and on shutdown.
 */
public final class BatchedCounts {

    private static final Logger log = LoggerFactory.getLogger(BatchedCounts.class);

    private final String what;
    private final Map<Long, LongAdder> pending = new ConcurrentHashMap<>();

    /** {@code what} names the counted thing in the log, e.g. "views of article". */
    public BatchedCounts(String what) {
        this.what = what;
    }

    public void record(long id) {
        pending.computeIfAbsent(id, key -> new LongAdder()).increment();
    }

    /** Hits counted but not yet written, so a page can show an up-to-date figure. */
    public long pending(long id) {
        LongAdder adder = pending.get(id);
        return adder == null ? 0 : adder.sum();
    }

    /**
     * Hands each id's count to {@code writer} (one transaction each). When a write fails the count is put back,
     * so a database hiccup delays hits rather than losing them, and the flush stops until the next one.
     */
    public void flush(Writer writer) {
        for (Long id : pending.keySet()) {
            LongAdder adder = pending.get(id);
            long count = adder == null ? 0 : adder.sumThenReset();
            if (count == 0) {
                pending.remove(id, adder);
                continue;
            }
            try {
                writer.write(id, count);
            } catch (RuntimeException e) {
                pending.computeIfAbsent(id, key -> new LongAdder()).add(count);
                log.warn("Could not write {} {} {}; will retry", count, what, id, e);
                return;
            }
        }
    }

    @FunctionalInterface
    public interface Writer {
        void write(long id, long count);
    }
}
