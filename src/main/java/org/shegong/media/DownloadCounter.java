package org.shegong.media;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts attachment downloads in memory and writes them in batches, as the article view counter does: a row
 * update per download would serialise every download of a popular file on one row lock.
 */
@Component
public class DownloadCounter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DownloadCounter.class);

    private final MediaRepository repository;
    private final TransactionTemplate transactions;
    private final Map<Long, LongAdder> pending = new ConcurrentHashMap<>();
    private volatile boolean running;

    DownloadCounter(MediaRepository repository, TransactionTemplate transactions) {
        this.repository = repository;
        this.transactions = transactions;
    }

    public void record(long mediaId) {
        pending.computeIfAbsent(mediaId, id -> new LongAdder()).increment();
    }

    /** Downloads counted but not yet written, so a page can show an up-to-date figure. */
    public long pending(long mediaId) {
        LongAdder adder = pending.get(mediaId);
        return adder == null ? 0 : adder.sum();
    }

    @Scheduled(fixedDelayString = "${shegong.views.flush-interval:10s}")
    public void flush() {
        for (Long mediaId : pending.keySet()) {
            LongAdder adder = pending.get(mediaId);
            long downloads = adder == null ? 0 : adder.sumThenReset();
            if (downloads == 0) {
                pending.remove(mediaId, adder);
                continue;
            }
            try {
                transactions.executeWithoutResult(s -> repository.addDownloads(mediaId, downloads));
            } catch (RuntimeException e) {
                pending.computeIfAbsent(mediaId, id -> new LongAdder()).add(downloads);
                log.warn("Could not write {} downloads of file {}; will retry", downloads, mediaId, e);
                return;
            }
        }
    }

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

    /** Stops after the web server has stopped taking requests, before the connection pool closes. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }
}
