package org.shegong.search.index;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherManager;

/**
 * Counts the views of the index that searchers are given, and among them the ones that changed what readers can
 * find: the version the readers' result cache is keyed by (ADR 0061). A write counts for readers unless it is a
 * working copy or is made inside {@link #forEditorsOnly}; a refresh that brought in such writes moves the view on,
 * and tells the listener which documents it brought in ({@link ViewChange}, ADR 0068).
 *
 * <p>A write is counted and its key noted both before and after it is made, so that a refresh running while it is
 * made (which may or may not see it) and the refresh after it both count it: the view moves late, never early, and
 * every view change that may have brought a write in names its document.
 */
final class ReaderViews implements ReferenceManager.RefreshListener {

    private static final Consumer<ViewChange> CLOSE = ViewChange::close;

    /** Searchers opened since start. */
    private final AtomicLong refreshes = new AtomicLong();
    /** Writes readers could see, counted. */
    private final AtomicLong readerWrites = new AtomicLong();
    /** Refreshes that brought in writes readers could see. */
    private final AtomicLong views = new AtomicLong();
    /** Keys of the readers' documents written since the last view change. */
    private final Set<Term> written = ConcurrentHashMap.newKeySet();
    /** Set when written documents cannot be named (a rebuild's removal of old generations, too many). */
    private volatile boolean everything;
    /** Set on the thread writing a batch that changes only what editors see. */
    private final ThreadLocal<Boolean> editorsOnly = ThreadLocal.withInitial(() -> false);
    private volatile SearcherManager searchers;
    private volatile Consumer<ViewChange> listener = CLOSE;
    // Refreshes run one at a time (SearcherManager's refresh lock), so these need no more.
    private long seenWrites;
    private long countedWrites;
    private Set<Term> seenKeys;
    private boolean seenEverything;
    private IndexSearcher before;

    void watch(SearcherManager searchers) {
        this.searchers = searchers;
    }

    void onChange(Consumer<ViewChange> listener) {
        this.listener = listener == null ? CLOSE : listener;
    }

    /** A write of the document with this key is about to be made, or was just made (called both times). */
    void writing(Term key) {
        if (!editorsOnly.get() && !EditorDocuments.isWorkingKey(key)) {
            // The key first: whoever sees the count sees the key (beforeRefresh reads them the other way round).
            if (written.size() > ViewChange.MAX_DOCUMENTS) {
                everything = true;
            } else {
                written.add(key);
            }
            readerWrites.incrementAndGet();
        }
    }

    /** A write readers can see whatever the thread is doing, of documents not named (a rebuild's removal). */
    void writingForReaders() {
        everything = true;
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
    public void beforeRefresh() throws IOException {
        seenWrites = readerWrites.get();
        seenEverything = everything;
        everything = false;
        seenKeys = new HashSet<>();
        for (Term key : written) {
            written.remove(key);
            seenKeys.add(key);
        }
        before = listener == CLOSE || searchers == null ? null : searchers.acquire();
    }

    @Override
    public void afterRefresh(boolean didRefresh) throws IOException {
        IndexSearcher old = before;
        before = null;
        boolean moved = didRefresh && seenWrites != countedWrites;
        if (didRefresh) {
            refreshes.incrementAndGet();
        }
        if (!moved) {
            // Nothing readers see came in: what was noted stays for the next change that does.
            written.addAll(seenKeys);
            everything |= seenEverything;
            if (old != null) {
                searchers.release(old);
            }
            return;
        }
        countedWrites = seenWrites;
        long to = views.incrementAndGet();
        if (old == null) {
            return;
        }
        ViewChange change = new ViewChange(to - 1, to, seenEverything ? null : seenKeys, old, searchers.acquire());
        try {
            listener.accept(change);
        } catch (RuntimeException e) {
            change.close(); // a listener that failed keeps nothing, and the refresh goes on
        }
    }
}
