package org.shegong.search.index;

import org.shegong.search.IndexStatus;
import org.shegong.search.analysis.LexiconFile;

import java.time.Instant;
import java.util.List;

/**
 * The index as an administrator sees it.
 *
 * @param status           documents now and the progress of the running (or last) rebuild
 * @param running          a rebuild is running now (rather than merely needed)
 * @param publicDocuments  documents readers can find (live articles)
 * @param lastRebuild      the last rebuild that completed, or null when none was recorded
 * @param lexiconWords     dictionary words the analysis uses now (shipped and the administrator's)
 * @param lexiconLoadedAt  when the vocabulary files were read (at start or by the last rebuild), or null
 * @param lexiconFiles     the administrator's dictionary and synonym files as they are on disk now
 */
public record IndexReport(IndexStatus status, boolean running, long publicDocuments, FinishedRebuild lastRebuild,
                          int lexiconWords, Instant lexiconLoadedAt, List<LexiconFile> lexiconFiles) {

    /** Documents only the back office finds: drafts, withdrawn articles, pending revisions of live ones. */
    public long workingDocuments() {
        return status.documents() - publicDocuments;
    }

    /** True when a vocabulary file changed after it was read: a rebuild would apply the change. */
    public boolean lexiconChanged() {
        return lexiconLoadedAt != null && lexiconFiles.stream()
                .anyMatch(f -> f.exists() && f.modifiedAt().isAfter(lexiconLoadedAt));
    }
}
