package org.shegong.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * How the readers' view of the index moved on (ADR 0068): from which view to which, the readers' documents written in
 * between, and a searcher of each side. An answer computed on {@code from} that none of these documents can enter or
 * leave on either side is still the answer on {@code to}: the readers' result cache tests its queries against just
 * these documents instead of forgetting everything at each publication. Holds both searchers (their segments stay
 * open) until closed.
 */
public final class ViewChange implements AutoCloseable {

    /** More documents than this in one change (a bulk import followed, a rebuild) and it counts as everything. */
    static final int MAX_DOCUMENTS = 256;

    private final long from;
    private final long to;
    /** The documents' keys, or null: anything may have changed. */
    private final Set<Term> keys;
    private final IndexSearcher before;
    private final IndexSearcher after;

    public ViewChange(long from, long to, Set<Term> keys, IndexSearcher before, IndexSearcher after) {
        this.from = from;
        this.to = to;
        this.keys = keys == null || keys.size() > MAX_DOCUMENTS ? null : Set.copyOf(keys);
        this.before = before;
        this.after = after;
    }

    public long from() {
        return from;
    }

    public long to() {
        return to;
    }

    /** Whether anything may have changed (a rebuild, too many documents): no answer of {@code from} is kept. */
    public boolean everything() {
        return keys == null;
    }

    /** How many documents changed (none counted when {@link #everything()}). */
    public int size() {
        return keys == null ? 0 : keys.size();
    }

    /** A filter matching the changed documents, on either side; null when {@link #everything()}. */
    public Query documents() {
        if (keys == null) {
            return null;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        keys.forEach(key -> any.add(new TermQuery(key), Occur.SHOULD));
        return any.build();
    }

    /** The view the documents were changed from. */
    public IndexSearcher before() {
        return before;
    }

    /** The view they were changed to. */
    public IndexSearcher after() {
        return after;
    }

    /**
     * This change followed by {@code next}: from this one's {@code from} to the other's {@code to}, the documents of
     * both. What a document was in between does not matter: an answer of {@code from} stands on {@code to} when no
     * changed document matters to it on either end. Releases the two searchers in the middle.
     */
    public ViewChange then(ViewChange next) {
        Set<Term> both = null;
        if (keys != null && next.keys != null) {
            both = new HashSet<>(keys);
            both.addAll(next.keys);
        }
        ViewChange merged = new ViewChange(from, next.to, both, before, next.after);
        release(after);
        release(next.before);
        return merged;
    }

    @Override
    public void close() {
        release(before);
        release(after);
    }

    private static void release(IndexSearcher searcher) {
        try {
            searcher.getIndexReader().decRef();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
