package org.shegong.search.index;

import org.shegong.search.analysis.Lexicon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LiveIndexWriterConfig;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index: one long-lived {@link IndexWriter} and a {@link SearcherManager} over it. Opening checks
 * that the index exists, can be read, was completed by a rebuild and matches this version's analysis;
 * otherwise it starts empty and says it {@link #needsRebuild() needs a rebuild}. Not thread-hostile: writes
 * may come from several threads (the writer is thread-safe); {@link #lock()} orders the outbox consumer
 * against a rebuild.
 */
public class SearchIndex extends GenerationalIndex {

    /** Bump when analysis or fields change: an index written by another version is rebuilt at start. */
    static final String SCHEMA = "5"; // 5: region codes and province facets (issue 13)
    /**
     * Documents are kept newest first: "newest" searches stop after a page, and relevance ties (ADR 0018) go to
     * the newest article without reading dates.
     */
    public static final Sort NEWEST_FIRST = new Sort(new SortField(ArticleDocuments.PUBLISHED, SortField.Type.LONG, true));
    /** Segments a complete rebuild is merged into (see {@link #compact()}). */
    static final int COMPACT_SEGMENTS = 4;
    private static final String SCHEMA_KEY = "shegong.schema";
    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile boolean compacting;
    private final ReaderViews views = new ReaderViews();
    private final ReadersFilterCache filters = new ReadersFilterCache();

    public SearchIndex(Path path, Lexicon lexicon) {
        super(lexicon);
        this.path = path;
        try {
            Files.createDirectories(path);
            this.directory = FSDirectory.open(path);
            String problem = problemWith(directory);
            if (problem != null) {
                log.warn("搜索索引 {} {}，将在后台重建", path, problem);
                rebuildNeeded();
            }
            IndexWriterConfig config = new IndexWriterConfig(analysis().perField())
                    .setOpenMode(problem == null ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND
                            : IndexWriterConfig.OpenMode.CREATE)
                    .setIndexSort(NEWEST_FIRST)
                    .setCodec(new PlainStoredFieldsCodec())
                    .setRAMBufferSizeMB(64);
            this.writer = new IndexWriter(directory, config);
            if (problem != null) {
                saveState();
            } else {
                restore(SegmentInfos.readLatestCommit(directory).getUserData());
            }
            this.searchers = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                    IndexSearcher searcher = new IndexSearcher(reader);
                    filters.install(searcher);
                    return searcher;
                }
            });
            this.searchers.addListener(views);
            views.watch(searchers);
        } catch (IOException e) {
            throw new UncheckedIOException("无法打开搜索索引 " + path + ": " + e.getMessage(), e);
        }
    }

    /** Why the index on disk cannot be used as it is, or null when it can. */
    private static String problemWith(Directory directory) {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return "不存在";
            }
            SegmentInfos infos = SegmentInfos.readLatestCommit(directory);
            Map<String, String> data = infos.getUserData();
            if (!SCHEMA.equals(data.get(SCHEMA_KEY))) {
                return "版本不同";
            }
            if (!"true".equals(data.get(COMPLETE_KEY))) {
                return "上次重建未完成";
            }
            DirectoryReader.open(directory).close();
            return null;
        } catch (IOException | RuntimeException e) {
            return "已损坏 (" + e.getMessage() + ")";
        }
    }

    Path path() {
        return path;
    }

    public Analyzer wordAnalyzer() {
        return analysis().wordAnalyzer();
    }

    Analyzer bigramAnalyzer() {
        return analysis().bigramAnalyzer();
    }

    @Override
    void put(Term key, Document doc) {
        views.writing(key);
        try {
            writer.updateDocument(key, doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            views.writing(key); // after it too: see ReaderViews
        }
    }

    @Override
    void remove(Term key) {
        views.writing(key);
        try {
            writer.deleteDocuments(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            views.writing(key);
        }
    }

    @Override
    void removeGenerationsBefore(long generation) {
        views.writingForReaders();
        try {
            writer.deleteDocuments(LongPoint.newRangeQuery(ArticleDocuments.GENERATION, Long.MIN_VALUE, generation - 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            views.writingForReaders();
        }
    }

    /** A commit; synchronized so that the completeness recorded is the one in force when the commit is made. */
    @Override
    synchronized void saveState() {
        try {
            Map<String, String> data = state();
            data.put(SCHEMA_KEY, SCHEMA);
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Merges the index into at most {@link #COMPACT_SEGMENTS} segments of similar size, after a complete rebuild
     * (ADR 0061). A search pays per segment for every term it looks up (the words, their synonyms and bigrams, the
     * phrase of the rescoring stage), for its facet counts and its partial matches: a rebuild leaves a dozen or more
     * segments (sixteen at 100,000 articles), which that cost multiplies under many readers. Two groups of two still
     * let one search use both cores (RankedSearch). Searches go on meanwhile; returns the segments before and after.
     */
    @Override
    public int[] compact() {
        IndexSearcher searcher = acquire();
        int before = searcher.getIndexReader().leaves().size();
        release(searcher);
        if (before <= COMPACT_SEGMENTS) {
            return new int[] {before, before};
        }
        LiveIndexWriterConfig config = writer.getConfig();
        MergePolicy normal = config.getMergePolicy();
        compacting = true;
        try {
            long bytes = 0;
            for (SegmentCommitInfo segment : SegmentInfos.readLatestCommit(directory)) {
                bytes += segment.sizeInBytes();
            }
            // A forced merge fills segments up to the largest allowed: a bound a little above an even share keeps
            // them of similar size, so that the two halves a search runs on both cores take similar times.
            TieredMergePolicy even = new TieredMergePolicy();
            even.setMaxMergedSegmentMB(Math.max(1, bytes / 1_048_576.0 / COMPACT_SEGMENTS * 1.3));
            config.setMergePolicy(even);
            writer.forceMerge(COMPACT_SEGMENTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            config.setMergePolicy(normal);
            compacting = false;
        }
        commitAndRefresh();
        searcher = acquire();
        try {
            return new int[] {before, searcher.getIndexReader().leaves().size()};
        } finally {
            release(searcher);
        }
    }

    /** Whether {@link #compact()} is merging (a shutdown then abandons the merge instead of waiting for it). */
    @Override
    public boolean compacting() {
        return compacting;
    }

    /** How many times searches have been given a newer view of the index (editors' changes included). */
    public long refreshes() {
        return views.refreshes();
    }

    /**
     * How many times readers' searches have been given a newer view. Read before {@link #acquire()}, it is a version
     * for caching what a reader's search found: a searcher acquired afterwards sees at least that view, and every
     * write readers could see that became visible since moved it on (a listener counts after the new view is in
     * place). A refresh that brought in only editors' changes — an autosave's working copy — leaves it, so the
     * readers' result cache is not emptied by every autosave (ADR 0061).
     */
    public long readerView() {
        return views.readerView();
    }

    /**
     * Tells {@code listener} each time the readers' view moves on, with the documents that moved it and a searcher of
     * each side (ADR 0068); the listener owns the change and closes it. Called on the thread that refreshes, which
     * waits: the listener should hand the change on. Null stops telling.
     */
    public void onReaderViewChange(Consumer<ViewChange> listener) {
        views.onChange(listener);
    }

    /**
     * Runs writes that change only what editors see (the caller knows: an editorial event, no change of the live
     * article). A live article's public document is written again then too, with the same text for readers.
     */
    @Override
    public void forEditorsOnly(Runnable writes) {
        views.forEditorsOnly(writes);
    }

    public IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kept filters' use since the index was opened (the metrics). */
    public FilterCacheStats filterCache() {
        return filters.stats();
    }

    @Override
    public long documentCount() {
        IndexSearcher searcher = acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            release(searcher);
        }
    }

    @Override
    public long publicDocumentCount() {
        return count(EditorDocuments.readersFind());
    }

    int count(Query query) {
        IndexSearcher searcher = acquire();
        try {
            return searcher.count(query);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    @Override
    public void close() {
        try {
            if (compacting) {
                // Closing would wait for the merge, minutes at a million articles: what is written is committed
                // first, then the merge is abandoned (its segments are not part of any commit).
                saveState();
                writer.rollback();
            }
            IOUtils.close(searchers, writer, directory);
        } catch (IOException | RuntimeException e) {
            log.warn("Closing the search index failed", e);
        }
    }

    public static Set<String> storedFields() {
        return Set.of(ArticleDocuments.ID, ArticleDocuments.TITLE, ArticleDocuments.SUMMARY, ArticleDocuments.BODY,
                ArticleDocuments.PRIMARY_COLUMN, ArticleDocuments.KIND, ArticleDocuments.PUBLISHED);
    }
}
