package org.shegong.search.index;

import org.shegong.search.WorkingCopy;
import org.shegong.search.analysis.Lexicon;
import org.shegong.search.analysis.SearchAnalyzers;
import org.shegong.search.analysis.Pinyin;
import org.shegong.search.analysis.TextNormaliser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.shegong.content.Article;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index: one long-lived {@link IndexWriter} and a {@link SearcherManager} over it. Opening checks
 * that the index exists, can be read, was completed by a rebuild and matches this version's analysis;
 * otherwise it starts empty and says it {@link #needsRebuild() needs a rebuild}. Not thread-hostile: writes
 * may come from several threads (the writer is thread-safe); {@link #lock()} orders the outbox consumer
 * against a rebuild.
 */
public class SearchIndex implements AutoCloseable {

    /** Bump when analysis or fields change: an index written by another version is rebuilt at start. */
    static final String SCHEMA = "5"; // 5: region codes and province facets (issue 13)
    /**
     * Documents are kept newest first: "newest" searches stop after a page, and relevance ties (ADR 0018) go to
     * the newest article without reading dates.
     */
    public static final Sort NEWEST_FIRST = new Sort(new SortField(ArticleDocuments.PUBLISHED, SortField.Type.LONG, true));
    private static final String SCHEMA_KEY = "shegong.schema";
    private static final String COMPLETE_KEY = "shegong.complete";
    /** The outbox position the last completed rebuild covered (every event up to it is in the index). */
    private static final String COVERED_KEY = "shegong.outbox-covered";
    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    private final Path path;
    private volatile Function<Long, IndexedRegions.Codes> regions;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer wordAnalyzer;
    private final Analyzer bigramAnalyzer;
    private final Analyzer dictionaryAnalyzer;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Lexicon lexicon;
    private volatile boolean needsRebuild;
    private volatile long generation;
    private volatile FinishedRebuild lastRebuild;
    private volatile long covered;

    public SearchIndex(Path path, Lexicon lexicon) {
        this.path = path;
        this.lexicon = lexicon;
        // The fold table is built from ICU once (seconds on a busy machine), and pinyin4j reads its table: when the
        // index opens at start, not when the first published article or the first reader waits.
        TextNormaliser.fold(' ');
        Pinyin.readings('社');
        Supplier<Lexicon> current = () -> this.lexicon;
        this.wordAnalyzer = SearchAnalyzers.words(current);
        this.bigramAnalyzer = SearchAnalyzers.bigrams();
        this.dictionaryAnalyzer = SearchAnalyzers.dictionaryWords(current);
        try {
            Files.createDirectories(path);
            this.directory = FSDirectory.open(path);
            String problem = problemWith(directory);
            if (problem != null) {
                log.warn("搜索索引 {} {}，将在后台重建", path, problem);
                needsRebuild = true;
            }
            IndexWriterConfig config = new IndexWriterConfig(
                    ArticleDocuments.perField(wordAnalyzer, dictionaryAnalyzer, bigramAnalyzer))
                    .setOpenMode(problem == null ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND
                            : IndexWriterConfig.OpenMode.CREATE)
                    .setIndexSort(NEWEST_FIRST)
                    .setRAMBufferSizeMB(64);
            this.writer = new IndexWriter(directory, config);
            if (problem != null) {
                commit();
            } else {
                Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
                lastRebuild = FinishedRebuild.fromCommit(data);
                covered = Long.parseLong(data.getOrDefault(COVERED_KEY, "0"));
            }
            this.searchers = new SearcherManager(writer, null);
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

    public boolean needsRebuild() {
        return needsRebuild;
    }

    Path path() {
        return path;
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    /** Dictionary changes reach the index through a rebuild (texts already indexed keep their old words). */
    void useLexicon(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    public Analyzer wordAnalyzer() {
        return wordAnalyzer;
    }

    Analyzer bigramAnalyzer() {
        return bigramAnalyzer;
    }

    ReentrantLock lock() {
        return lock;
    }

    FinishedRebuild lastRebuild() {
        return lastRebuild;
    }

    /** A live article's public document, which editors find too (nothing newer pending). */
    public void upsert(Article article) {
        upsert(article, true);
    }

    void upsert(Article article, boolean editorsFindIt) {
        update(EditorDocuments.publicKey(article.id()), withRegions(article.id(),
                EditorDocuments.published(article, generation, editorsFindIt, dictionaryAnalyzer)));
    }

    void upsertWorking(WorkingCopy copy) {
        update(EditorDocuments.workingKey(copy.article().id()), withRegions(copy.article().id(),
                EditorDocuments.working(copy, generation, dictionaryAnalyzer)));
    }

    /** Where documents learn their region codes (none until set: tests that do not need regions). */
    public void useRegions(Function<Long, IndexedRegions.Codes> regions) {
        this.regions = regions;
    }

    /** The region codes an article's documents get now, or null when documents get none (see useRegions). */
    IndexedRegions.Codes regionsOf(long articleId) {
        Function<Long, IndexedRegions.Codes> source = regions;
        return source == null ? null : source.apply(articleId);
    }

    private Document withRegions(long articleId, Document doc) {
        Function<Long, IndexedRegions.Codes> source = regions;
        if (source != null) {
            ArticleDocuments.addRegions(doc, source.apply(articleId));
        }
        return doc;
    }

    private void update(Term key, Document doc) {
        try {
            writer.updateDocument(key, doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(long articleId) {
        delete(EditorDocuments.publicKey(articleId));
    }

    void deleteWorking(long articleId) {
        delete(EditorDocuments.workingKey(articleId));
    }

    private void delete(Term key) {
        try {
            writer.deleteDocuments(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The outbox position up to which the last completed rebuild read everything (0 if unknown). */
    long coveredUpTo() {
        return covered;
    }

    /**
     * Records, durably, that the index is incomplete until a rebuild finishes: a process that stops before then
     * rebuilds again at its next start instead of trusting an index that misses what the rebuild was for.
     */
    synchronized void markIncomplete() {
        if (!needsRebuild) {
            needsRebuild = true;
            commit();
        }
    }

    /** Starts a rebuild generation: documents written from now on carry it; the index is incomplete until it ends. */
    public long startGeneration() {
        markIncomplete();
        generation = System.currentTimeMillis();
        return generation;
    }

    /** Ends a rebuild that covered nothing of the outbox and keeps no record (benchmarks, tests). */
    public void finishGeneration(long finished) {
        finishGeneration(finished, lastRebuild, covered, true);
    }

    /**
     * Ends a rebuild: drops every document an earlier generation wrote that this one did not rewrite, and records
     * the rebuild (the back office shows it after a restart) and the outbox position it covered. {@code complete}
     * is false when another rebuild has already been asked for.
     */
    synchronized void finishGeneration(long finished, FinishedRebuild record, long coveredUpTo, boolean complete) {
        try {
            writer.deleteDocuments(LongPoint.newRangeQuery(ArticleDocuments.GENERATION, Long.MIN_VALUE, finished - 1));
            lastRebuild = record;
            covered = Math.max(covered, coveredUpTo);
            needsRebuild = !complete;
            commit();
            refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the latest writes durable and visible to searches. */
    public void commitAndRefresh() {
        commit();
        refresh();
    }

    /** Synchronized so that the completeness recorded is the one in force when the commit is made. */
    private synchronized void commit() {
        try {
            Map<String, String> data = new HashMap<>(Map.of(SCHEMA_KEY, SCHEMA, COMPLETE_KEY,
                    Boolean.toString(!needsRebuild), COVERED_KEY, Long.toString(covered)));
            FinishedRebuild last = lastRebuild;
            if (last != null) {
                last.toCommit(data);
            }
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    public int documentCount() {
        IndexSearcher searcher = acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            release(searcher);
        }
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
            IOUtils.close(searchers, writer, directory);
        } catch (IOException e) {
            log.warn("Closing the search index failed", e);
        }
    }

    public static Set<String> storedFields() {
        return Set.of(ArticleDocuments.ID, ArticleDocuments.TITLE, ArticleDocuments.SUMMARY, ArticleDocuments.BODY,
                ArticleDocuments.PRIMARY_COLUMN, ArticleDocuments.KIND, ArticleDocuments.PUBLISHED);
    }
}
