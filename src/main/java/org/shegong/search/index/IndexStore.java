package org.shegong.search.index;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.shegong.content.Article;
import org.shegong.search.WorkingCopy;
import org.shegong.search.analysis.Lexicon;

/**
 * Where the index's documents are written: the embedded Lucene index ({@link SearchIndex}) or an OpenSearch index
 * ({@link OpenSearchIndex}), chosen by {@code shegong.search.backend} (ADR 0057). The outbox consumer
 * ({@link SearchIndexer}) and the rebuild ({@link IndexRebuilder}) write through it only, so both backends follow
 * the outbox and rebuild alike: documents carry their rebuild generation, a finished rebuild removes what it did
 * not write, and the state (complete or not, outbox position covered, last rebuild) is kept with the documents.
 */
public interface IndexStore extends AutoCloseable {

    /** The index is missing, from another schema, damaged, or a rebuild did not finish: a rebuild is due. */
    boolean needsRebuild();

    /** The dictionary and synonyms the analysis uses now. */
    Lexicon lexicon();

    /** Dictionary changes reach the index through a rebuild (texts already indexed keep their old words). */
    void useLexicon(Lexicon lexicon);

    /** Where documents learn their region codes (none until set: tests that do not need regions). */
    void useRegions(Function<Long, IndexedRegions.Codes> regions);

    /** The region codes an article's documents get now, or null when documents get none (see useRegions). */
    IndexedRegions.Codes regionsOf(long articleId);

    /** Orders the outbox consumer against the end of a rebuild. */
    ReentrantLock lock();

    FinishedRebuild lastRebuild();

    /** A live article's public document, which editors find too (nothing newer pending). */
    default void upsert(Article article) {
        upsert(article, true);
    }

    void upsert(Article article, boolean editorsFindIt);

    void upsertWorking(WorkingCopy copy);

    void delete(long articleId);

    void deleteWorking(long articleId);

    /** The outbox position up to which the last completed rebuild read everything (0 if unknown). */
    long coveredUpTo();

    /** Records, durably, that the index is incomplete until a rebuild finishes. */
    void markIncomplete();

    /** Starts a rebuild generation: documents written from now on carry it; the index is incomplete until it ends. */
    long startGeneration();

    /** Ends a rebuild that covered nothing of the outbox and keeps no record (benchmarks, tests). */
    default void finishGeneration(long finished) {
        finishGeneration(finished, lastRebuild(), coveredUpTo(), true);
    }

    /**
     * Ends a rebuild: drops every document an earlier generation wrote that this one did not rewrite, and records
     * the rebuild and the outbox position it covered. {@code complete} is false when another rebuild has already
     * been asked for.
     */
    void finishGeneration(long finished, FinishedRebuild record, long coveredUpTo, boolean complete);

    /** Makes the latest writes durable and visible to searches. */
    void commitAndRefresh();

    /**
     * Runs writes that change only what editors see, so that caches of readers' answers may stay (by default they
     * are written like any other).
     */
    default void forEditorsOnly(Runnable writes) {
        writes.run();
    }

    /**
     * Merges what a complete rebuild left into few segments (ADR 0061); returns the segments before and after. The
     * embedded index does; a cluster merges on its own schedule, so by default nothing happens.
     */
    default int[] compact() {
        return new int[] {0, 0};
    }

    /** Whether {@link #compact()} is merging now (a shutdown then abandons the merge). */
    default boolean compacting() {
        return false;
    }

    /** Every document: public ones and editors' working copies. */
    long documentCount();

    /** The documents readers can find (live articles' public text). */
    long publicDocumentCount();

    @Override
    void close();
}
