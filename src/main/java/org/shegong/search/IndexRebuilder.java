package org.shegong.search;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.shegong.content.Article;
import org.shegong.content.ArticleService;
import org.shegong.system.outbox.OutboxBacklog;
import org.shegong.system.outbox.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the index from the database, which is the source of truth: streams every live article (with its
 * body) in batches, analyses them on {@code indexThreads} threads, then removes whatever the rebuild did not
 * write. The old index keeps answering while it runs. Articles the outbox changed meanwhile are re-read at the
 * end, so a batch read just before a withdrawal cannot bring the withdrawn article back.
 *
 * <p>A rebuild covers every outbox event up to the newest one when it starts ({@link #coveredUpTo()}): the
 * indexer skips those instead of re-reading their articles one by one. Asked for while one runs, a rebuild is
 * queued and runs once the current one ends; until then it covers every event (see docs/adr/0016).
 */
@Component
public class IndexRebuilder implements DisposableBean {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(IndexRebuilder.class);

    private final SearchIndex index;
    private final ArticleService articles;
    private final SearchProperties properties;
    private final LexiconSource lexicons;
    private final RebuildCoverage coverage;
    private volatile boolean stopping;
    private volatile Thread background;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private final Set<Long> touched = ConcurrentHashMap.newKeySet();

    @Autowired
    IndexRebuilder(@Lazy SearchIndex index, ArticleService articles, SearchProperties properties,
                   LexiconSource lexicons, OutboxBacklog outbox) {
        this(index, articles, properties, lexicons, outbox, OutboxRelay.HOLE_TIMEOUT);
    }

    /** {@code settle}: how long a rebuild waits for transactions still committing when it starts (tests: less). */
    IndexRebuilder(SearchIndex index, ArticleService articles, SearchProperties properties, LexiconSource lexicons,
                   OutboxBacklog outbox, Duration settle) {
        this.index = index;
        this.articles = articles;
        this.properties = properties;
        this.lexicons = lexicons;
        this.coverage = new RebuildCoverage(outbox, settle);
    }

    /** How far the current (or last) rebuild got. */
    public record Progress(boolean running, long done, long total) {
    }

    public Progress progress() {
        return new Progress(coverage.running(), done.get(), total.get());
    }

    /**
     * Starts a rebuild on a background thread unless one is running; returns whether it started. This is what
     * the back office's "rebuild" action will call (issue 3), and what a missing or damaged index triggers.
     */
    public boolean startInBackground() {
        if (!coverage.begin()) {
            return false;
        }
        Thread thread = new Thread(() -> {
            boolean ended = false;
            try {
                do {
                    run(n -> { });
                } while (coverage.next(stopping));
                ended = true; // next() ended it: another rebuild may already have begun, which is not this one's to end
            } catch (Stopped e) {
                log.info("搜索索引重建因关闭而中止，下次启动时重新开始");
            } catch (RuntimeException e) {
                log.error("搜索索引重建失败；索引标记为不完整，下次启动时重建", e);
            } finally {
                if (!ended) {
                    coverage.end();
                }
            }
        }, "search-rebuild");
        thread.setDaemon(true);
        background = thread;
        thread.start();
        return true;
    }

    /**
     * On shutdown a background rebuild stops after the batches in flight and its thread is awaited, so the
     * index is never closed (and its write lock never left behind) while a worker still writes to it. The
     * unfinished generation makes the next start rebuild again.
     */
    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        Thread thread = background;
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    /** Rebuilds on the calling thread (the {@code reindex} command); returns the number of articles indexed. */
    public long rebuild(LongConsumer progress) {
        if (!coverage.begin()) {
            throw new IllegalStateException("a rebuild is already running");
        }
        try {
            return run(progress);
        } finally {
            if (coverage.end()) {
                requestRebuild();
            }
        }
    }

    /**
     * Makes sure a rebuild that starts after this call will run: starts one, or queues one after the running
     * rebuild (which may have read some articles before the events that ask for this). The index is marked
     * incomplete first, durably, so that the caller (the outbox consumer) may record the events as handled.
     */
    void requestRebuild() {
        index.lock().lock();
        try {
            // Under the index lock, like finish(): either it sees this request or this request comes after it.
            index.markIncomplete();
            if (coverage.queue()) {
                return;
            }
        } finally {
            index.lock().unlock();
        }
        if (!startInBackground()) {
            requestRebuild(); // another caller started one between the check and the start: queue after it
        }
    }

    /**
     * Events up to this outbox position need no work of their own: a completed, running or queued rebuild reads
     * their articles.
     */
    long coveredUpTo() {
        return coverage.coveredUpTo(index.coveredUpTo());
    }

    /**
     * Makes the index match the database for these articles (live → indexed, anything else → removed); called
     * by the outbox consumer under the index lock, and remembered while a rebuild runs so it can re-check them.
     */
    void sync(Collection<Long> articleIds) {
        for (Long id : articleIds) {
            articles.find(id).filter(Article::isLive).ifPresentOrElse(index::upsert, () -> index.delete(id));
        }
        if (coverage.running()) {
            touched.addAll(articleIds);
        }
    }

    private long run(LongConsumer progress) {
        if (!coverage.settle(() -> stopping)) {
            throw new Stopped();
        }
        long started = System.nanoTime();
        long generation = index.startGeneration();
        index.useLexicon(lexicons.load());
        touched.clear();
        done.set(0);
        total.set(articles.countLive());
        log.info("搜索索引重建开始: {} 篇文章", total.get());
        int threads = Math.max(1, properties.indexThreads());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "search-rebuild-worker");
            t.setDaemon(true);
            return t;
        });
        Semaphore inFlight = new Semaphore(threads * 2);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        try {
            articles.forEachLive(BATCH, batch -> {
                if (failure.get() != null) {
                    throw failure.get();
                }
                if (stopping) {
                    throw new Stopped();
                }
                inFlight.acquireUninterruptibly();
                pool.execute(() -> {
                    try {
                        batch.forEach(index::upsert);
                        progress.accept(done.addAndGet(batch.size()));
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        inFlight.release();
                    }
                });
            });
            inFlight.acquireUninterruptibly(threads * 2);
        } finally {
            pool.shutdown();
            awaitQuietly(pool);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        finish(generation);
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info("搜索索引重建完成: {} 篇, {} 秒, {} 篇/秒", done.get(), "%.1f".formatted(seconds),
                "%.0f".formatted(done.get() / Math.max(seconds, 0.001)));
        return done.get();
    }

    private void finish(long generation) {
        index.lock().lock();
        try {
            List<Long> changed = List.copyOf(touched);
            touched.clear();
            sync(changed);
            // Under the index lock, like requestRebuild(): a rebuild queued by now keeps the index marked incomplete.
            index.finishGeneration(generation, coverage.covering(), !coverage.queued());
        } finally {
            index.lock().unlock();
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends a rebuild early because the application is shutting down. */
    private static final class Stopped extends RuntimeException {

        Stopped() {
            super("shutting down", null, false, false);
        }
    }
}
