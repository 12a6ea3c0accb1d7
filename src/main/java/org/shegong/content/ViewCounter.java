package org.shegong.content;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.shegong.system.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts article views in memory and writes them in batches: a write per page view would make every read
 * of the hottest page a row lock. Pending counts are flushed on a schedule and on a clean shutdown; each flush
 * also adds them to the article's day (article_daily_views) for the 热门排行, in the same transaction.
 */
@Component
public class ViewCounter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ViewCounter.class);

    private final ArticleRepository articles;
    private final DailyViewsRepository daily;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Map<Long, LongAdder> pending = new ConcurrentHashMap<>();
    private volatile boolean running;

    public ViewCounter(ArticleRepository articles, DailyViewsRepository daily, TransactionTemplate transactions,
                       Clock clock) {
        this.articles = articles;
        this.daily = daily;
        this.transactions = transactions;
        this.clock = clock;
    }

    public void record(long articleId) {
        pending.computeIfAbsent(articleId, id -> new LongAdder()).increment();
    }

    /** Views counted but not yet written, so a page can show an up-to-date figure. */
    public long pending(long articleId) {
        LongAdder adder = pending.get(articleId);
        return adder == null ? 0 : adder.sum();
    }

    @Scheduled(fixedDelayString = "${shegong.views.flush-interval:10s}")
    public void flush() {
        // Views pending at most one interval are counted on the day of the flush (China time).
        LocalDate today = LocalDate.ofInstant(clock.instant(), Times.CHINA);
        for (Long articleId : pending.keySet()) {
            LongAdder adder = pending.get(articleId);
            long views = adder == null ? 0 : adder.sumThenReset();
            if (views == 0) {
                pending.remove(articleId, adder);
                continue;
            }
            try {
                transactions.executeWithoutResult(s -> {
                    articles.addViews(articleId, views);
                    daily.add(articleId, today, views);
                });
            } catch (RuntimeException e) {
                // Put the views back so a database hiccup delays them rather than losing them.
                pending.computeIfAbsent(articleId, id -> new LongAdder()).add(views);
                log.warn("Could not write {} views of article {}; will retry", views, articleId, e);
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

    /** Lower than the web server's phase: stops after it has stopped taking requests, before the pool closes. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }
}
