package org.shegong.search.index;

import org.shegong.search.SearchEngine;
import org.shegong.search.analysis.LexiconSource;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/** What the back office's index page shows and starts: the index's state and a rebuild in the background. */
@Service
public class IndexMaintenance {

    private final SearchEngine engine;
    private final IndexStore index;
    private final IndexRebuilder rebuilder;
    private final LexiconSource lexicons;

    IndexMaintenance(SearchEngine engine, @Lazy IndexStore index, IndexRebuilder rebuilder, LexiconSource lexicons) {
        this.engine = engine;
        this.index = index;
        this.rebuilder = rebuilder;
        this.lexicons = lexicons;
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
