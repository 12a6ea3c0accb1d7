package org.shegong.search.index;

import org.shegong.search.SearchEngine;
import org.shegong.search.analysis.EditorVocabulary;
import org.shegong.search.analysis.LexiconSource;
import org.shegong.system.outbox.OutboxWriter;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/** What the back office's index page shows and starts: the index's state and a rebuild in the background. */
@Service
public class IndexMaintenance {

    /** Outbox events the search index of every node follows (see {@code SearchIndexer}). */
    static final String VOCABULARY_CHANGED = "search.vocabulary_changed";
    static final String REBUILD_REQUESTED = "search.rebuild_requested";

    private final SearchEngine engine;
    private final IndexStore index;
    private final IndexRebuilder rebuilder;
    private final LexiconSource lexicons;
    private final OutboxWriter outbox;

    IndexMaintenance(SearchEngine engine, @Lazy IndexStore index, IndexRebuilder rebuilder, LexiconSource lexicons,
                     OutboxWriter outbox) {
        this.engine = engine;
        this.index = index;
        this.rebuilder = rebuilder;
        this.lexicons = lexicons;
        this.outbox = outbox;
    }

    /**
     * Tells every node's index that the editors changed the vocabulary, inside the change's transaction: each
     * node's {@code SearchIndexer} applies new synonyms, or rebuilds for new dictionary words (ADR 0056).
     */
    public void announceVocabularyChange(EditorVocabulary.Kind kind) {
        outbox.append(VOCABULARY_CHANGED, 0, kind == EditorVocabulary.Kind.SYNONYMS ? "synonyms" : "words");
    }

    /** Asks every node to rebuild its index, inside the request's (audited) transaction. */
    public void announceRebuild() {
        outbox.append(REBUILD_REQUESTED, 0, null);
    }

    public IndexReport report() {
        return new IndexReport(engine.status(), rebuilder.progress().running(),
                index.publicDocumentCount(),
                index.lastRebuild(), index.lexicon().words().size(), lexicons.loadedAt(), lexicons.files());
    }

    /** The editors' synonyms reach queries now: the current dictionary with freshly read synonym groups. */
    public void applySynonyms() {
        index.useLexicon(index.lexicon().withSynonymsOf(lexicons.load()));
    }

    /**
     * The editors' dictionary reaches the index by a rebuild in the background (queued after one that is running,
     * which read the old dictionary); the old index answers meanwhile.
     */
    public void applyDictionary() {
        rebuilder.requestRebuild();
    }

    /** Starts a rebuild unless one is running; returns whether it started. */
    public boolean startRebuild() {
        return rebuilder.startInBackground();
    }
}
