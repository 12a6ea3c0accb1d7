package org.shegong.media;

import org.shegong.system.BatchedCounts;
import org.shegong.system.FlushedOnStop;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts attachment downloads in memory and writes them in batches, as the article view counter does: a row
 * update per download would serialise every download of a popular file on one row lock.
 */
@Component
public class DownloadCounter extends FlushedOnStop {

    private final MediaRepository repository;
    private final TransactionTemplate transactions;
    private final BatchedCounts pending = new BatchedCounts("downloads of file");

    DownloadCounter(MediaRepository repository, TransactionTemplate transactions) {
        this.repository = repository;
        this.transactions = transactions;
    }

    public void record(long mediaId) {
        pending.record(mediaId);
    }

    /** Downloads counted but not yet written, so a page can show an up-to-date figure. */
    public long pending(long mediaId) {
        return pending.pending(mediaId);
    }

    @Override
    @Scheduled(fixedDelayString = "${shegong.views.flush-interval:10s}")
    public void flush() {
        pending.flush(batch -> transactions.executeWithoutResult(s -> batch.forEach(repository::addDownloads)));
    }
}
