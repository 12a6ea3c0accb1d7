package org.shegong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BatchedCountsTest {

    private final BatchedCounts counts = new BatchedCounts("views of article");

    @Test
    void writesEveryCountOnceInAscendingBatchesOfAtMostTheBatchSize() {
        for (long id = 600; id >= 1; id--) {
            for (int i = 0; i < id % 3 + 1; i++) {
                counts.record(id);
            }
        }
        List<Map<Long, Long>> written = new ArrayList<>();
        counts.flush(batch -> written.add(new LinkedHashMap<>(batch)));

        assertThat(written).extracting(Map::size).containsExactly(BatchedCounts.BATCH, BatchedCounts.BATCH,
                600 - 2 * BatchedCounts.BATCH);
        List<Long> order = written.stream().flatMap(b -> b.keySet().stream()).toList();
        assertThat(order).isSorted().hasSize(600).doesNotHaveDuplicates();
        written.forEach(batch -> batch.forEach((id, count) -> assertThat(count).isEqualTo(id % 3 + 1)));
        assertThat(counts.pending(5)).isZero();

        written.clear();
        counts.flush(batch -> written.add(batch));
        assertThat(written).as("nothing counted since").isEmpty();
    }

    @Test
    void aFailedBatchIsPutBackWithTheRestAndWrittenByTheNextFlush() {
        for (long id = 1; id <= 300; id++) {
            counts.record(id);
            counts.record(id);
        }
        List<Map<Long, Long>> written = new ArrayList<>();
        counts.flush(batch -> {
            throw new IllegalStateException("database unavailable");
        });
        assertThat(counts.pending(1)).isEqualTo(2);
        assertThat(counts.pending(300)).as("after the failed batch: not yet taken").isEqualTo(2);

        counts.record(1);
        counts.flush(batch -> written.add(new LinkedHashMap<>(batch)));
        assertThat(written).hasSize(2);
        assertThat(written.get(0)).containsEntry(1L, 3L).containsEntry(256L, 2L);
        assertThat(written.get(1)).hasSize(300 - BatchedCounts.BATCH).containsEntry(300L, 2L);
    }

    @Test
    void aFailureInALaterBatchKeepsTheEarlierBatchesWritten() {
        for (long id = 1; id <= 300; id++) {
            counts.record(id);
        }
        List<Map<Long, Long>> written = new ArrayList<>();
        counts.flush(batch -> {
            if (batch.containsKey(300L)) {
                throw new IllegalStateException("a row another node inserted a moment earlier");
            }
            written.add(new LinkedHashMap<>(batch));
        });
        assertThat(written).hasSize(1);
        assertThat(counts.pending(1)).isZero();
        assertThat(counts.pending(257)).isEqualTo(1);
        assertThat(counts.pending(300)).isEqualTo(1);
    }

    @Test
    void noHitIsLostOrCountedTwiceWhileFlushesRunBesideTheReaders() throws Exception {
        int readers = 4;
        int hitsEach = 200_000;
        AtomicLong written = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int r = 0; r < readers; r++) {
                work.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < hitsEach; i++) {
                        counts.record(i % 3); // a few hot ids: every flush takes counters the readers are adding to
                    }
                    return null;
                }));
            }
            start.countDown();
            while (work.stream().anyMatch(f -> !f.isDone())) {
                counts.flush(batch -> batch.values().forEach(written::addAndGet));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        counts.flush(batch -> batch.values().forEach(written::addAndGet));

        assertThat(written.get()).isEqualTo((long) readers * hitsEach);
        assertThat(counts.pending(0) + counts.pending(1) + counts.pending(2)).isZero();
    }
}
