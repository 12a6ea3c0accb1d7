package org.shegong.search;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.shegong.content.Article;
import org.shegong.content.ArticleService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the index from the database, which is the source of truth: streams every live article (with its
 * body) in batches, analyses them on {@code indexThreads} threads, then removes whatever the rebuild did not
 * write. The old index keeps answering while it runs. Articles the outbox changed meanwhile are re-read at the
 * end, so a batch read just before a withdrawal cannot bring the withdrawn article back.
 */
@Component
public class IndexRebuilder implements DisposableBean {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(IndexRebuilder.class);

    private final SearchIndex index;
    private final ArticleService articles;
    private final SearchProperties properties;
    private final LexiconSource lexicons;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopping;
    private volatile Thread background;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private final Set<Long> touched = ConcurrentHashMap.newKeySet();

    IndexRebuilder(@Lazy SearchIndex index, ArticleService articles, SearchProperties properties,
                   LexiconSource lexicons) {
        this.index = index;
        this.articles = articles;
        this.properties = properties;
        this.lexicons = lexicons;
    }

    /** How far the current (or last) rebuild got. */
    public record Progress(boolean running, long done, long total) {
    }

    public Progress progress() {
        return new Progress(running.get(), done.get(), total.get());
    }

    /**
     * Starts a rebuild on a background thread unless one is running; returns whether it started. This is what
     * the back office's "rebuild" action will call (issue 3), and what a missing or damaged index triggers.
     */
    public boolean startInBackground() {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        Thread thread = new Thread(() -> {
            try {
                run(n -> { });
            } catch (Stopped e) {
                log.info("搜索索引重建因关闭而中止，下次启动时重新开始");
            } catch (RuntimeException e) {
                log.error("搜索索引重建失败", e);
            } finally {
                running.set(false);
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
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("a rebuild is already running");
        }
        try {
            return run(progress);
        } finally {
            running.set(false);
        }
    }

    /**
     * Makes the index match the database for these articles (live → indexed, anything else → removed); called
     * by the outbox consumer under the index lock, and remembered while a rebuild runs so it can re-check them.
     */
    void sync(Collection<Long> articleIds) {
        for (Long id : articleIds) {
            articles.find(id).filter(Article::isLive).ifPresentOrElse(index::upsert, () -> index.delete(id));
        }
        if (running.get()) {
            touched.addAll(articleIds);
        }
    }

    private long run(LongConsumer progress) {
        long started = System.nanoTime();
        index.useLexicon(lexicons.load());
        touched.clear();
        done.set(0);
        total.set(articles.countLive());
        long generation = index.startGeneration();
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
            index.finishGeneration(generation);
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
