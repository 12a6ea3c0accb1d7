package org.shegong.search.index;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.shegong.content.Article;
import org.shegong.search.WorkingCopy;
import org.shegong.search.analysis.Lexicon;

/**
 * What both backends' indexes keep alike (ADR 0057): the analysis, the documents' keys, the rebuild generations, and
 * the state saved with the documents (complete or not, the outbox position covered, the last rebuild). A backend
 * writes and removes documents and saves the state durably; the order of events is decided here.
 */
public abstract class GenerationalIndex implements IndexStore {

    static final String COMPLETE_KEY = "shegong.complete";
    /** The outbox position the last completed rebuild covered (every event up to it is in the index). */
    static final String COVERED_KEY = "shegong.outbox-covered";

    private final IndexAnalysis analysis;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean needsRebuild;
    private volatile long generation;
    private volatile FinishedRebuild lastRebuild;
    private volatile long covered;

    GenerationalIndex(Lexicon lexicon) {
        this.analysis = new IndexAnalysis(lexicon);
    }

    /** Writes (or replaces) the document with this key. */
    abstract void put(Term key, Document doc);

    abstract void remove(Term key);

    /** Removes every document an earlier rebuild generation wrote. */
    abstract void removeGenerationsBefore(long generation);

    /** Saves {@link #state()} durably, with every write made so far. */
    abstract void saveState();

    /** Makes the writes so far visible to searches. */
    abstract void refresh();

    IndexAnalysis analysis() {
        return analysis;
    }

    /** The state as saved: completeness, outbox position covered, last rebuild. */
    synchronized Map<String, String> state() {
        Map<String, String> data = new HashMap<>(Map.of(COMPLETE_KEY, Boolean.toString(!needsRebuild),
                COVERED_KEY, Long.toString(covered)));
        FinishedRebuild last = lastRebuild;
        if (last != null) {
            last.toCommit(data);
        }
        return data;
    }

    /** Takes back a saved state (the completeness is the backend's to judge). */
    void restore(Map<String, String> data) {
        lastRebuild = FinishedRebuild.fromCommit(data);
        covered = Long.parseLong(data.getOrDefault(COVERED_KEY, "0"));
    }

    void rebuildNeeded() {
        needsRebuild = true;
    }

    @Override
    public boolean needsRebuild() {
        return needsRebuild;
    }

    @Override
    public Lexicon lexicon() {
        return analysis.lexicon();
    }

    @Override
    public void useLexicon(Lexicon lexicon) {
        analysis.useLexicon(lexicon);
    }

    @Override
    public IndexedRegions.Codes regionsOf(long articleId) {
        return analysis.regionsOf(articleId);
    }

    @Override
    public void useRegions(Function<Long, IndexedRegions.Codes> regions) {
        analysis.useRegions(regions);
    }

    @Override
    public ReentrantLock lock() {
        return lock;
    }

    @Override
    public FinishedRebuild lastRebuild() {
        return lastRebuild;
    }

    @Override
    public void upsert(Article article, boolean editorsFindIt) {
        put(EditorDocuments.publicKey(article.id()), analysis.published(article, generation, editorsFindIt));
    }

    @Override
    public void upsertWorking(WorkingCopy copy) {
        put(EditorDocuments.workingKey(copy.article().id()), analysis.working(copy, generation));
    }

    @Override
    public void delete(long articleId) {
        remove(EditorDocuments.publicKey(articleId));
    }

    @Override
    public void deleteWorking(long articleId) {
        remove(EditorDocuments.workingKey(articleId));
    }

    @Override
    public long coveredUpTo() {
        return covered;
    }

    /**
     * Records, durably, that the index is incomplete until a rebuild finishes: a process that stops before then
     * rebuilds again at its next start instead of trusting an index that misses what the rebuild was for.
     */
    @Override
    public synchronized void markIncomplete() {
        if (!needsRebuild) {
            needsRebuild = true;
            saveState();
        }
    }

    @Override
    public long startGeneration() {
        markIncomplete();
        generation = System.currentTimeMillis();
        return generation;
    }

    /** The rebuild's record is saved with the state, so the back office shows it after a restart. */
    @Override
    public synchronized void finishGeneration(long finished, FinishedRebuild record, long coveredUpTo,
                                              boolean complete) {
        removeGenerationsBefore(finished);
        lastRebuild = record;
        covered = Math.max(covered, coveredUpTo);
        needsRebuild = !complete;
        saveState();
        refresh();
    }

    @Override
    public void commitAndRefresh() {
        saveState();
        refresh();
    }
}
