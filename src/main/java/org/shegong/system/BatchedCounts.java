package org.shegong.system;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * Ids per write. One transaction per id made a flush of a busy site thousands of commits: on H2 each commit
     * writes its changed pages to the file (WRITE_DELAY=0, ADR 0019), on a database server each is a log flush
     * (ADR 0069). Small enough that a batch holds its row locks for milliseconds.
     */
    static final int BATCH = 256;

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
     * Hands the counts to {@code writer} in batches of up to {@link #BATCH} ids (one transaction each), in
     * ascending id order so that two nodes flushing at once lock rows in the same order. When a write fails its
     * batch is put back, so a database hiccup delays hits rather than losing them, and the flush stops until the
     * next one.
     */
    public void flush(Writer writer) {
        List<Long> ids = new ArrayList<>(pending.keySet());
        Collections.sort(ids);
        for (int from = 0; from < ids.size(); from += BATCH) {
            Map<Long, Long> batch = take(ids.subList(from, Math.min(ids.size(), from + BATCH)));
            if (batch.isEmpty()) {
                continue;
            }
            try {
                writer.write(batch);
            } catch (RuntimeException e) {
                batch.forEach((id, count) -> pending.computeIfAbsent(id, key -> new LongAdder()).add(count));
                log.warn("Could not write the {} of {} ids from {}; will retry", what, batch.size(),
                        batch.keySet().iterator().next(), e);
                return;
            }
        }
    }

    /** The counts of these ids, reset; ids without hits since the last flush are forgotten. */
    private Map<Long, Long> take(List<Long> ids) {
        Map<Long, Long> batch = new LinkedHashMap<>();
        for (Long id : ids) {
            LongAdder adder = pending.get(id);
            long count = adder == null ? 0 : adder.sumThenReset();
            if (count == 0) {
                pending.remove(id, adder);
            } else {
                batch.put(id, count);
            }
        }
        return batch;
    }

    /** Writes one batch, id → count in ascending id order, in one transaction. */
    @FunctionalInterface
    public interface Writer {
        void write(Map<Long, Long> counts);
    }
}
