package org.shegong.search.index;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ReferenceManager;

/**
 * Counts the views of the index that searchers are given, and among them the ones that changed what readers can
 * find: the version the readers' result cache is keyed by (ADR 0061). A write counts for readers unless it is a
 * working copy or is made inside {@link #forEditorsOnly}; a refresh that brought in such writes moves the view on.
 */
final class ReaderViews implements ReferenceManager.RefreshListener {

    /** Searchers opened since start. */
    private final AtomicLong refreshes = new AtomicLong();
    /** Writes readers could see, counted. */
    private final AtomicLong readerWrites = new AtomicLong();
    /** Refreshes that brought in writes readers could see. */
    private final AtomicLong views = new AtomicLong();
    /** Set on the thread writing a batch that changes only what editors see. */
    private final ThreadLocal<Boolean> editorsOnly = ThreadLocal.withInitial(() -> false);
    // Refreshes run one at a time (SearcherManager's refresh lock), so these two need no more.
    private long seenWrites;
    private long countedWrites;

    /** A write of the document with this key is about to be made. */
    void writing(Term key) {
        if (!editorsOnly.get() && !EditorDocuments.isWorkingKey(key)) {
            readerWrites.incrementAndGet();
        }
    }

    /** A write readers can see whatever the thread is doing (a rebuild's removal of old generations). */
    void writingForReaders() {
        readerWrites.incrementAndGet();
    }

    void forEditorsOnly(Runnable writes) {
        editorsOnly.set(true);
        try {
            writes.run();
        } finally {
            editorsOnly.set(false);
        }
    }

    long refreshes() {
        return refreshes.get();
    }

    long readerView() {
        return views.get();
    }

    @Override
    public void beforeRefresh() {
        // Writes after this read may be in the new view too; the next refresh counts them (the view moves late,
        // never early: an answer cached meanwhile is only fresher than its key).
        seenWrites = readerWrites.get();
    }

    @Override
    public void afterRefresh(boolean didRefresh) {
        if (didRefresh) {
            refreshes.incrementAndGet();
            if (seenWrites != countedWrites) {
                countedWrites = seenWrites;
                views.incrementAndGet();
            }
        }
    }
}
