package org.shegong.content;

import org.shegong.system.BatchedCounts;
import org.shegong.system.FlushedOnStop;
import java.time.Clock;
import java.time.LocalDate;
import org.shegong.system.Times;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts article views in memory and writes them in batches: a write per page view would make every read
 * of the hottest page a row lock. Pending counts are flushed on a schedule and on a clean shutdown; each flush
 * adds them to the article's total (article_views) and to its day (article_daily_views, for the 热门排行), in one
 * transaction.
 */
@Component
public class ViewCounter extends FlushedOnStop {

    private final ArticleViewsRepository totals;
    private final DailyViewsRepository daily;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final BatchedCounts pending = new BatchedCounts("views of article");

    public ViewCounter(ArticleViewsRepository totals, DailyViewsRepository daily, TransactionTemplate transactions,
                       Clock clock) {
        this.totals = totals;
        this.daily = daily;
        this.transactions = transactions;
        this.clock = clock;
    }

    public void record(long articleId) {
        pending.record(articleId);
    }

    /** Views counted but not yet written, so a page can show an up-to-date figure. */
    public long pending(long articleId) {
        return pending.pending(articleId);
    }

    @Override
    @Scheduled(fixedDelayString = "${shegong.views.flush-interval:10s}")
    public void flush() {
        // Views pending at most one interval are counted on the day of the flush (China time).
        LocalDate today = LocalDate.ofInstant(clock.instant(), Times.CHINA);
        pending.flush(batch -> transactions.executeWithoutResult(s -> {
            totals.add(batch);
            daily.add(batch, today);
        }));
    }
}
