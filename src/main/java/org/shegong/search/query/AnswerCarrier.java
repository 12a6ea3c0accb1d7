package org.shegong.search.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.shegong.search.index.SearchIndex;
import org.shegong.search.index.ViewChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the readers' cached answers across a publication that cannot change them (ADR 0068). At each change of the
 * readers' view the index names the documents written; an answer is kept when none of the queries its computation
 * ran matches one of them, neither as it was nor as it is: then every query finds what it found before, scores do
 * not depend on other documents (ADR 0018), and the answer is the same. Runs on a thread of its own, one change at a
 * time; changes arriving meanwhile are merged into one. Until a change is carried, readers of the new view compute
 * their answers as before.
 */
final class AnswerCarrier implements Consumer<ViewChange> {

    private static final Logger log = LoggerFactory.getLogger(AnswerCarrier.class);

    private final ResultCache cache;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "search-answer-carrier");
        t.setDaemon(true);
        return t;
    });
    /** The change waiting for the thread, owned here until then. */
    private ViewChange pending;
    private boolean stopped;
    /** The index this carrier listens to, once a reader has searched (null before). */
    private volatile SearchIndex following;
    /** The last change carried: what it did and how long it took (benchmarks). */
    private volatile Last last;

    /** What the last change carried did, and in how many nanoseconds. */
    record Last(ResultCache.Carried carried, long nanos) {
    }

    AnswerCarrier(ResultCache cache) {
        this.cache = cache;
    }

    /**
     * From now on the index tells this carrier which documents each publication wrote, and the cache keeps the answers
     * they cannot change instead of dropping everything at a new view. Once; nothing when the cache is off.
     */
    void follow(SearchIndex index) {
        if (following == null && cache.enabled()) {
            synchronized (this) {
                if (following == null && !stopped) {
                    index.onReaderViewChange(this);
                    cache.carrying(true);
                    following = index;
                }
            }
        }
    }

    @Override
    public synchronized void accept(ViewChange change) {
        if (stopped) {
            change.close();
        } else if (pending != null) {
            pending = pending.then(change);
        } else {
            pending = change;
            thread.execute(this::carryPending);
        }
    }

    private void carryPending() {
        ViewChange change;
        synchronized (this) {
            change = pending;
            pending = null;
        }
        if (change == null) {
            return;
        }
        long started = System.nanoTime();
        try (change) {
            Last done = new Last(carry(cache, change), System.nanoTime() - started);
            last = done;
            log.debug("搜索结果缓存: 索引视图 {} → {}，{} 篇文档变化，检查 {} 个结果，沿用 {} 个，用时 {} 毫秒", change.from(),
                    change.to(), change.everything() ? "全部" : change.size(), done.carried().tested(),
                    done.carried().kept(), done.nanos() / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("搜索结果缓存未能沿用到新的索引视图，将逐个重新计算", e);
            cache.carry(change, queries -> false);
        }
    }

    /** Carries {@code change} on the calling thread (tests, and the carrier's own thread). */
    static ResultCache.Carried carry(ResultCache cache, ViewChange change) {
        Probe probe = change.everything() ? null : new Probe(change);
        return cache.carry(change, queries -> probe != null && !probe.touchedBy(queries));
    }

    Last last() {
        return last;
    }

    /** Waits until the changes handed over so far are carried (tests). */
    void await() {
        try {
            thread.submit(() -> { }).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops listening to the index and drops what was not carried yet. */
    synchronized void stop() {
        stopped = true;
        if (following != null) {
            following.onReaderViewChange(null);
        }
        if (pending != null) {
            pending.close();
            pending = null;
        }
        thread.shutdown(); // not interrupted: a Lucene read interrupted mid-way can close a file others share
    }

    /**
     * The changed documents' segments on both sides, each searched alone: a query is tested only where a changed
     * document is, so the big segments nothing was written to cost nothing, and a segment holding one is asked about
     * that document only.
     */
    private static final class Probe {

        private final Query documents;
        private final List<IndexSearcher> segments = new ArrayList<>();

        Probe(ViewChange change) {
            this.documents = change.documents();
            try {
                add(change.before());
                add(change.after());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void add(IndexSearcher side) throws IOException {
            for (LeafReaderContext leaf : side.getIndexReader().leaves()) {
                IndexSearcher segment = new IndexSearcher(leaf.reader());
                segment.setQueryCache(null);
                if (segment.count(documents) > 0) {
                    segments.add(segment);
                }
            }
        }

        /** Whether a changed document matches one of the queries on either side (or it cannot be told). */
        boolean touchedBy(List<Query> queries) {
            for (Query query : queries) {
                Query there = new BooleanQuery.Builder().add(query, Occur.MUST).add(documents, Occur.FILTER).build();
                for (IndexSearcher segment : segments) {
                    try {
                        if (segment.count(there) > 0) {
                            return true;
                        }
                    } catch (IOException | RuntimeException e) {
                        return true; // too many clauses, say: not known to be untouched
                    }
                }
            }
            return false;
        }
    }
}
