package org.shegong.search.query;

import org.shegong.search.SearchLoadProperties;
import org.shegong.search.SearchProperties;
import org.shegong.search.SearchQuery;
import org.shegong.search.SearchResults;
import org.shegong.search.analysis.SearchAnalyzers;
import org.shegong.search.index.ArticleDocuments;
import org.shegong.search.index.IndexRebuilder;
import org.shegong.search.index.SearchIndex;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.shegong.content.Kind;
import org.shegong.region.data.RegionDirectory;
import org.shegong.system.web.Overloaded;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/** {@link org.shegong.search.SearchEngine} on the embedded Lucene index (the default backend). */
@Service
@ConditionalOnProperty(name = "shegong.search.backend", havingValue = "lucene", matchIfMissing = true)
public class LuceneSearchEngine extends AnalysedSearchEngine {

    /**
     * Partial matches are the best among this many of the newest articles containing some of the words (ADR 0053):
     * their scores take many values, so nothing stops early, and without a bound a query of common words would
     * score most of the index (about 7 ms per 50,000 articles).
     */
    static final int PARTIAL_SCAN = 20_000;
    /**
     * Full matches are the best among this many scored matches, newest first (ADR 0054). Ranking by place stops
     * early for almost every query; only words in most of the index and rarely together in a title score more
     * (up to every article: 120 ms of CPU at 1,000,000). Below this many matches nothing changes.
     */
    static final int FULL_SCAN = 400_000;
    /** The index's own order (see {@link SearchIndex}), so Lucene stops in each segment after n hits. */
    private static final Sort NEWEST = SearchIndex.NEWEST_FIRST;

    private final SearchIndex index;
    private final PlaceSimilarity similarity;
    private final ResultCache cache;
    private final AnswerCarrier carrier;
    private final RegionFacets regionFacets = new RegionFacets();
    /** Counts refused at the gate: shown as none, never cached. */
    private static final RegionCounts UNCOUNTED = new RegionCounts(Map.of(), false);
    /** Null when searches are never refused (tests, benchmarks). */
    private final SearchGate gate;
    /** How many of the newest matches the 地区 counts cover while the gate is crowded (ADR 0091). */
    private final int crowdedRegionLimit;
    /** Search segment groups beside the request's thread (RankedSearch); daemon threads, idle when unused. */
    private final ExecutorService helpers = Executors.newFixedThreadPool(
            Math.max(1, RankedSearch.PARALLELISM - 1), runnable -> {
                Thread thread = new Thread(runnable, "search-helper");
                thread.setDaemon(true);
                return thread;
            });

    /** Without region words, result cache or load shedding: every call searches (tests, benchmarks). */
    public LuceneSearchEngine(SearchIndex index, IndexRebuilder rebuilder, SearchProperties properties, Clock clock) {
        this(index, rebuilder, properties, clock, RegionWords.NONE);
    }

    /** With region words, without result cache or load shedding (the single-stream benchmark). */
    public LuceneSearchEngine(SearchIndex index, IndexRebuilder rebuilder, SearchProperties properties, Clock clock,
                              RegionDirectory regions) {
        this(index, rebuilder, properties, clock, new RegionWords(regions));
    }

    /**
     * The site's engine: region words (a place's name in a query also finds what is tagged with that place or one
     * under it), and for readers a result cache and load shedding (ADR 0061).
     */
    @Autowired
    public LuceneSearchEngine(@Lazy SearchIndex index, @Lazy IndexRebuilder rebuilder, SearchProperties properties,
                              Clock clock, RegionDirectory regions, SearchLoadProperties load, SearchGate gate) {
        this(index, rebuilder, properties, clock, new RegionWords(regions), new ResultCache(load), gate,
                load.crowdedRegionLimit());
    }

    private LuceneSearchEngine(SearchIndex index, IndexRebuilder rebuilder, SearchProperties properties, Clock clock,
                               RegionWords regionWords) {
        this(index, rebuilder, properties, clock, regionWords, new ResultCache(SearchLoadProperties.unlimited()), null,
                RegionFacets.LIMIT);
    }

    private LuceneSearchEngine(SearchIndex index, IndexRebuilder rebuilder, SearchProperties properties, Clock clock,
                               RegionWords regionWords, ResultCache cache, SearchGate gate, int crowdedRegionLimit) {
        super(index, rebuilder, properties, clock, new QueryBuilder(properties, SearchAnalyzers.bigrams(), regionWords));
        this.index = index;
        this.similarity = new PlaceSimilarity(properties);
        this.cache = cache;
        this.carrier = new AnswerCarrier(cache);
        this.gate = gate;
        this.crowdedRegionLimit = Math.min(crowdedRegionLimit, RegionFacets.LIMIT);
    }

    /** The readers' result cache (tests look at its hits). */
    ResultCache resultCache() {
        return cache;
    }

    /** Waits until the view changes so far have been carried into the cache (tests). */
    void awaitCarried() {
        carrier.await();
    }

    /** What the last view change carried (benchmarks). */
    AnswerCarrier.Last lastCarried() {
        return carrier.last();
    }

    @Override
    public SearchResults search(SearchQuery request) {
        if (!forReaders(request)) {
            return super.search(request);
        }
        followViews();
        SearchQuery asked = cleaned(request);
        // The view is read before the search acquires a searcher: see SearchIndex.readerView().
        return cache.get(new ResultCache.Key("search", asked, index.readerView(), index.lexicon()),
                () -> gate == null ? super.search(asked)
                        : gate.call(SearchGate.Pass.RESULTS, () -> super.search(asked)),
                results -> !results.status().rebuilding());
    }

    @Override
    public List<String> alternatives(String raw, int limit) {
        followViews();
        SearchQuery asked = SearchQuery.simple(QueryText.clean(raw, properties.maxQueryLength()));
        return cache.get(new ResultCache.Key("alternatives:" + limit, asked, index.readerView(), index.lexicon()),
                () -> super.alternatives(asked.text(), limit), found -> true);
    }

    @Override
    public RegionCounts regionCounts(SearchQuery request) {
        if (!forReaders(request)) {
            return super.regionCounts(request);
        }
        followViews();
        SearchQuery asked = counted(cleaned(request));
        return cache.get(new ResultCache.Key("regions", asked, index.readerView(), index.lexicon()),
                () -> gate == null ? super.regionCounts(asked) : countedAtTheGate(asked), counts -> counts != UNCOUNTED);
    }

    /**
     * The counts are a quarter of a search page's CPU: computed outside the gate they shared the cores with every
     * search in it, and a page's time followed how many ran at once instead of its place in the queue (session 30:
     * the p99 of random title words at 1M). Refused at the gate, the page shows its results without the 地区 filter
     * rather than a 503 for results it already has; that answer is not kept.
     */
    private RegionCounts countedAtTheGate(SearchQuery asked) {
        try {
            return gate.call(SearchGate.Pass.REGIONS, () -> super.regionCounts(asked));
        } catch (Overloaded e) {
            return UNCOUNTED;
        }
    }

    /**
     * From the first reader's search on, the index tells which documents each publication wrote, and cached answers
     * they cannot change are kept (ADR 0068). Not before: the index opens on its first use.
     */
    private void followViews() {
        carrier.follow(index);
    }

    /**
     * What the 地区 counts depend on: the text and the filters, in any region. Not the order or the page, so a reader
     * paging through results or sorting them newest first finds the first page's counts in the cache instead of
     * queueing at the gate for them again.
     */
    private static SearchQuery counted(SearchQuery request) {
        return new SearchQuery(request.text(), request.columnId(), request.kind(), request.from(), request.to(),
                SearchQuery.Sort.RELEVANCE, 1, request.audience(), request.stage(), request.within(), null);
    }

    /** Readers' searches are cached and shed under load; editors' (their own drafts, few of them) never are. */
    private static boolean forReaders(SearchQuery request) {
        return request.audience() == SearchQuery.Audience.READERS && request.within() == null;
    }

    /** The request with its text as the engine reads it, so that spacing and what is cut off do not split the cache. */
    private SearchQuery cleaned(SearchQuery request) {
        return request.withText(QueryText.clean(request.text(), properties.maxQueryLength()));
    }

    /**
     * The helper threads, unless the readers' searches already keep every core busy: then a search runs in one part
     * on its request's thread. Split, each part must fill its own best candidates before it can skip anything, so a
     * query that stops early does about twice the work, which only pays when a core would otherwise be idle.
     */
    private Executor helpers() {
        return gate != null && gate.crowded() ? null : helpers;
    }

    @PreDestroy
    void stopHelpers() {
        helpers.shutdownNow();
        carrier.stop();
    }

    @Override
    Analyzer wordAnalyzer() {
        return index.wordAnalyzer();
    }

    @Override
    Top top(Query query, QueryText text, SearchQuery request, int page, int size) {
        ResultCache.ran(query);
        return withSearcher(searcher -> {
            int n = page * size;
            TopDocs top = request.sort() == SearchQuery.Sort.NEWEST
                    ? searcher.search(query, new TopFieldCollectorManager(NEWEST, n, null, COUNT_LIMIT))
                    : RankedSearch.top(ranking(searcher), query, queries.rescoring(text, clock.instant()), n,
                            COUNT_LIMIT, FULL_SCAN, helpers());
            List<Stored> docs = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            for (int i = (page - 1) * size; i < top.scoreDocs.length; i++) {
                docs.add(stored(stored, top.scoreDocs[i]));
            }
            return new Top(docs, top.totalHits.value,
                    top.totalHits.relation == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO);
        });
    }

    @Override
    List<Stored> partialTop(Query query, int n) {
        ResultCache.ran(query);
        return withSearcher(searcher -> stored(searcher,
                RankedSearch.topAmongNewest(ranking(searcher), query, n, PARTIAL_SCAN, helpers())));
    }

    @Override
    Frequencies frequencies(Collection<Term> terms) {
        // Partial matches weigh each word by how many documents hold it among how many there are: any change of the
        // index moves those weights, so an answer that used them is one any changed document touches.
        ResultCache.ran(new MatchAllDocsQuery());
        return withSearcher(searcher -> frequencies(searcher.getIndexReader(), terms));
    }

    /** Read at once: the reader may be closed once its searcher is released. */
    static Frequencies frequencies(IndexReader reader, Collection<Term> terms) throws IOException {
        Map<Term, Long> counts = new HashMap<>();
        for (Term term : terms) {
            counts.put(term, (long) reader.docFreq(term));
        }
        return Frequencies.of(reader.maxDoc(), counts);
    }

    @Override
    boolean exists(Query query) {
        ResultCache.ran(query);
        // Existence only: unscored, and collection stops at the first match.
        return withSearcher(searcher -> searcher.search(new ConstantScoreQuery(query),
                new TopScoreDocCollectorManager(1, null, 1)).scoreDocs.length > 0);
    }

    @Override
    List<Stored> newest(Query query, int n) {
        ResultCache.ran(query);
        return withSearcher(searcher -> stored(searcher,
                searcher.search(query, new TopFieldCollectorManager(NEWEST, n, null, 1))));
    }

    @Override
    RegionCounts facets(Query query) {
        ResultCache.ran(query);
        return withSearcher(searcher -> regionFacets.count(searcher, query, regionLimit()));
    }

    /**
     * The newest 20,000 matches, or fewer while every core is taken by searches: then each page waits in the queue
     * for all the work ahead of it, and a common word's counts were a quarter of that work (at 1,000,000 articles
     * 1.10x the rate of random title words, ADR 0091). The page says when the counts are partial.
     */
    private int regionLimit() {
        return gate != null && gate.crowded() ? crowdedRegionLimit : RegionFacets.LIMIT;
    }

    /**
     * The same reader, scored by where words occur (ADR 0018), with the same kept filters (ADR 0076); a searcher is
     * cheap to create.
     */
    private IndexSearcher ranking(IndexSearcher searcher) {
        IndexSearcher ranking = new IndexSearcher(searcher.getIndexReader());
        ranking.setSimilarity(similarity);
        ranking.setQueryCache(searcher.getQueryCache());
        ranking.setQueryCachingPolicy(searcher.getQueryCachingPolicy());
        return ranking;
    }

    private interface Search<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    /** Runs on a searcher of the current index and releases it; Lucene's clause limit becomes {@link TooComplex}. */
    private <T> T withSearcher(Search<T> search) {
        IndexSearcher searcher = index.acquire();
        try {
            return search.run(searcher);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new TooComplex(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(searcher);
        }
    }

    private static List<Stored> stored(IndexSearcher searcher, TopDocs top) throws IOException {
        StoredFields stored = searcher.storedFields();
        List<Stored> docs = new ArrayList<>();
        for (ScoreDoc scoreDoc : top.scoreDocs) {
            docs.add(stored(stored, scoreDoc));
        }
        return docs;
    }

    private static Stored stored(StoredFields stored, ScoreDoc scoreDoc) throws IOException {
        Document doc = stored.document(scoreDoc.doc, SearchIndex.storedFields());
        return new Stored(Long.parseLong(doc.get(ArticleDocuments.ID)), doc.get(ArticleDocuments.TITLE),
                doc.get(ArticleDocuments.SUMMARY), doc.get(ArticleDocuments.BODY),
                doc.getField(ArticleDocuments.PRIMARY_COLUMN).numericValue().longValue(),
                Kind.valueOf(doc.get(ArticleDocuments.KIND)),
                doc.getField(ArticleDocuments.PUBLISHED).numericValue().longValue(), scoreDoc.score);
    }
}
