package org.shegong.system;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
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
    /**
     * Id → hits since the last flush. A flush takes a counter out by setting it to {@link #RETIRED} (getAndSet: the
     * count and the retirement in one step), then removes it; a hit that finds a retired counter helps remove it and
     * starts a new one. So no hit is lost between a flush reading a counter and removing it (with a LongAdder, a hit
     * landing there went to a counter no longer in the map).
     */
    private final Map<Long, AtomicLong> pending = new ConcurrentHashMap<>();

    private static final long RETIRED = -1;

    /** {@code what} names the counted thing in the log, e.g. "views of article". */
    public BatchedCounts(String what) {
        this.what = what;
    }

    public void record(long id) {
        add(id, 1);
    }

    private void add(long id, long hits) {
        while (true) {
            AtomicLong counter = pending.computeIfAbsent(id, key -> new AtomicLong());
            long now = counter.get();
            if (now == RETIRED) {
                pending.remove(id, counter);
            } else if (counter.compareAndSet(now, now + hits)) {
                return;
            }
        }
    }

    /** Hits counted but not yet written, so a page can show an up-to-date figure. */
    public long pending(long id) {
        AtomicLong counter = pending.get(id);
        return counter == null ? 0 : Math.max(0, counter.get());
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
                batch.forEach(this::add);
                log.warn("Could not write the {} of {} ids from {}; will retry", what, batch.size(),
                        batch.keySet().iterator().next(), e);
                return;
            }
        }
    }

    /** The counts of these ids, taken out of the map: the next hit on one starts a new counter. */
    private Map<Long, Long> take(List<Long> ids) {
        Map<Long, Long> batch = new LinkedHashMap<>();
        for (Long id : ids) {
            AtomicLong counter = pending.get(id);
            if (counter == null) {
                continue;
            }
            long count = counter.getAndSet(RETIRED);
            pending.remove(id, counter);
            if (count > 0) {
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
