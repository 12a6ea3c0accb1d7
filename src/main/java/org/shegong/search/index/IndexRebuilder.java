package org.shegong.search.index;

import org.shegong.search.SearchProperties;
import org.shegong.search.WorkingCopies;
import org.shegong.search.WorkingCopy;
import org.shegong.search.analysis.LexiconSource;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
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
 * Rebuilds the index from the database, which is the source of truth: streams every editors' working copy and
 * every live article (with its body) in batches, analyses them on {@code indexThreads} threads, then removes
 * whatever the rebuild did not write. The old index keeps answering while it runs. Articles the outbox changed
 * meanwhile are re-read at the end, so a batch read just before a withdrawal cannot bring the withdrawn article
 * back.
 *
 * <p>A rebuild covers every outbox event up to the newest one when it starts ({@link #coveredUpTo()}): the
 * indexer skips those instead of re-reading their articles one by one. Asked for while one runs, a rebuild is
 * queued and runs once the current one ends; until then it covers every event (see docs/adr/0016).
 */
@Component
public class IndexRebuilder implements DisposableBean {

    public static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(IndexRebuilder.class);

    private final IndexStore index;
    private final ArticleService articles;
    private final WorkingCopies copies;
    private final SearchProperties properties;
    private final LexiconSource lexicons;
    private final Clock clock;
    private final RebuildCoverage coverage;
    private volatile boolean stopping;
    private volatile Thread background;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private final Set<Long> touched = ConcurrentHashMap.newKeySet();

    @Autowired
    public IndexRebuilder(@Lazy IndexStore index, ArticleService articles, WorkingCopies copies,
                   SearchProperties properties, LexiconSource lexicons, Clock clock, OutboxBacklog outbox) {
        this(index, articles, copies, properties, lexicons, clock, outbox, OutboxRelay.HOLE_TIMEOUT);
    }

    /** {@code settle}: how long a rebuild waits for transactions still committing when it starts (tests: less). */
    public IndexRebuilder(IndexStore index, ArticleService articles, WorkingCopies copies, SearchProperties properties,
                   LexiconSource lexicons, Clock clock, OutboxBacklog outbox, Duration settle) {
        this.index = index;
        this.articles = articles;
        this.copies = copies;
        this.properties = properties;
        this.lexicons = lexicons;
        this.clock = clock;
        this.coverage = new RebuildCoverage(outbox, settle);
    }

    /** How far the current (or last) rebuild got. */
    public record Progress(boolean running, long done, long total) {
    }

    public Progress progress() {
        return new Progress(coverage.running(), done.get(), total.get());
    }

    /** What a rebuild will write: live articles' public documents and editors' working copies. */
    public long countToIndex() {
        return articles.countLive() + copies.count();
    }

    /**
     * Starts a rebuild on a background thread unless one is running; returns whether it started. The back
     * office's rebuild button calls it, and a missing or damaged index at start.
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
                compact(); // after the rebuild has ended: the index is complete and says so meanwhile
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
        if (thread != null && !index.compacting()) { // a merge is abandoned when the index closes, not awaited
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    /** Rebuilds on the calling thread (the {@code reindex} command); returns the number of articles indexed. */
    public long rebuild(LongConsumer progress) {
        if (!coverage.begin()) {
            throw new IllegalStateException("a rebuild is already running");
        }
        long indexed;
        try {
            indexed = run(progress);
        } finally {
            if (coverage.end()) {
                requestRebuild();
            }
        }
        compact();
        return indexed;
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
     * Makes the index match the database for these articles: a live article's public document and a working copy
     * each indexed while they exist, removed when they no longer do. Called by the outbox consumer under the
     * index lock, and remembered while a rebuild runs so it can re-check them.
     */
    void sync(Collection<Long> articleIds) {
        for (Long id : articleIds) {
            Optional<Article> article = articles.find(id);
            Optional<WorkingCopy> copy = article.flatMap(copies::of);
            article.filter(Article::isLive).ifPresentOrElse(a -> index.upsert(a, copy.isEmpty()),
                    () -> index.delete(id));
            copy.ifPresentOrElse(index::upsertWorking, () -> index.deleteWorking(id));
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
        total.set(countToIndex());
        log.info("搜索索引重建开始: {} 篇", total.get());
        // Live articles whose newer text is a working copy: editors find them by that document only.
        Set<Long> pending = ConcurrentHashMap.newKeySet();
        try (Workers workers = new Workers(Math.max(1, properties.indexThreads()), progress)) {
            copies.forEach(BATCH, batch -> {
                batch.stream().filter(c -> c.published() != null).forEach(c -> pending.add(c.article().id()));
                workers.submit(batch, index::upsertWorking);
            });
            articles.forEachLive(BATCH, batch -> workers.submit(batch, a -> index.upsert(a, !pending.contains(a.id()))));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        FinishedRebuild record = new FinishedRebuild(clock.instant(), took, done.get());
        finish(generation, record);
        log.info("搜索索引重建完成: {} 篇, {} 秒, {} 篇/秒", done.get(), "%.1f".formatted(took.toMillis() / 1000.0),
                record.rate());
        return done.get();
    }

    /**
     * Merges what a rebuild left into a few segments (ADR 0061); searches go on meanwhile. A failure leaves the index
     * as complete as it was, in more segments; a shutdown abandons the merge (SearchIndex.close()).
     */
    private void compact() {
        long started = System.nanoTime();
        try {
            int[] segments = index.compact();
            if (segments[0] != segments[1]) {
                log.info("搜索索引合并: {} 段 → {} 段, {} 秒", segments[0], segments[1],
                        "%.1f".formatted((System.nanoTime() - started) / 1e9));
            }
        } catch (RuntimeException e) {
            if (stopping) {
                log.info("搜索索引合并因关闭而中止");
            } else {
                log.warn("搜索索引合并失败（索引完整，只是段较多）", e);
            }
        }
    }

    private void finish(long generation, FinishedRebuild record) {
        index.lock().lock();
        try {
            List<Long> changed = List.copyOf(touched);
            touched.clear();
            sync(changed);
            // Under the index lock, like requestRebuild(): a rebuild queued by now keeps the index marked incomplete.
            index.finishGeneration(generation, record, coverage.covering(), !coverage.queued());
        } finally {
            index.lock().unlock();
        }
    }

    /**
     * Indexes batches on a fixed pool, at most two batches a thread in flight so reading never runs far ahead;
     * closing waits for the last batch and rethrows the first failure.
     */
    private final class Workers implements AutoCloseable {

        private final int threads;
        private final LongConsumer progress;
        private final ExecutorService pool;
        private final Semaphore inFlight;
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

        Workers(int threads, LongConsumer progress) {
            this.threads = threads;
            this.progress = progress;
            this.pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "search-rebuild-worker");
                t.setDaemon(true);
                return t;
            });
            this.inFlight = new Semaphore(threads * 2);
        }

        <T> void submit(List<T> batch, Consumer<T> write) {
            if (failure.get() != null) {
                throw failure.get();
            }
            if (stopping) {
                throw new Stopped();
            }
            inFlight.acquireUninterruptibly();
            pool.execute(() -> {
                try {
                    batch.forEach(write);
                    progress.accept(done.addAndGet(batch.size()));
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    inFlight.release();
                }
            });
        }

        @Override
        public void close() {
            try {
                inFlight.acquireUninterruptibly(threads * 2);
            } finally {
                pool.shutdown();
                awaitQuietly(pool);
            }
            if (failure.get() != null) {
                throw failure.get();
            }
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
