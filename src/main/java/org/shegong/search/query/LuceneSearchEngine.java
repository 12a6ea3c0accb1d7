package org.shegong.search.query;

import org.shegong.search.IndexStatus;
import org.shegong.search.SearchEngine;
import org.shegong.search.SearchHit;
import org.shegong.search.SearchLoadProperties;
import org.shegong.search.SearchProperties;
import org.shegong.search.SearchQuery;
import org.shegong.search.SearchResults;
import org.shegong.search.analysis.Lexicon;
import org.shegong.search.analysis.SearchAnalyzers;
import org.shegong.search.analysis.TextNormaliser;
import org.shegong.search.index.ArticleDocuments;
import org.shegong.search.index.IndexRebuilder;
import org.shegong.search.index.SearchIndex;

import org.shegong.system.web.SiteUrls;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.shegong.region.data.RegionDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/** {@link SearchEngine} on the embedded Lucene index. */
@Service
public class LuceneSearchEngine implements SearchEngine {

    /**
     * Counting stops here (the page says "1000+"): beyond it Lucene may skip non-competitive documents, which
     * is what keeps common words fast at a million articles. 50 pages of 20 need no more.
     */
    static final int COUNT_LIMIT = 1_000;
    private static final int SUGGEST_MAX_LENGTH = 30;
    /** Fewer full matches than this on the first page, and partial matches follow ("a handful"). */
    static final int PARTIAL_BELOW = 5;
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
    /** Corrections tried (each an existence check) before giving up. */
    private static final int CORRECTIONS = 5;
    /** The index's own order (see {@link SearchIndex}), so Lucene stops in each segment after n hits. */
    private static final Sort NEWEST = SearchIndex.NEWEST_FIRST;
    private static final Logger log = LoggerFactory.getLogger(LuceneSearchEngine.class);

    private final SearchIndex index;
    private final IndexRebuilder rebuilder;
    private final SearchProperties properties;
    private final QueryBuilder queries;
    private final Clock clock;
    private final PlaceSimilarity similarity;
    private final ResultCache cache;
    /** Null when searches are never refused (tests, benchmarks). */
    private final SearchGate gate;
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
        this(index, rebuilder, properties, clock, new RegionWords(regions), new ResultCache(load), gate);
    }

    private LuceneSearchEngine(SearchIndex index, IndexRebuilder rebuilder, SearchProperties properties, Clock clock,
                               RegionWords regionWords) {
        this(index, rebuilder, properties, clock, regionWords, new ResultCache(SearchLoadProperties.unlimited()), null);
    }

    private LuceneSearchEngine(SearchIndex index, IndexRebuilder rebuilder, SearchProperties properties, Clock clock,
                               RegionWords regionWords, ResultCache cache, SearchGate gate) {
        this.index = index;
        this.rebuilder = rebuilder;
        this.properties = properties;
        this.queries = new QueryBuilder(properties, SearchAnalyzers.bigrams(), regionWords);
        this.clock = clock;
        this.similarity = new PlaceSimilarity(properties);
        this.cache = cache;
        this.gate = gate;
    }

    /** The readers' result cache (tests look at its hits). */
    ResultCache resultCache() {
        return cache;
    }

    @PreDestroy
    void stopHelpers() {
        helpers.shutdownNow();
    }

    /**
     * The articles containing every part of the query. For readers, on the first page, and only then: when there are none,
     * a correction of a typo or of pinyin that finds some is searched instead (and said so); a correction of a
     * query that did find something is offered as a link; and when fewer than {@link #PARTIAL_BELOW} articles
     * contain every part, articles containing some of them follow, apart.
     */
    @Override
    public SearchResults search(SearchQuery request) {
        if (!forReaders(request)) {
            return searchNow(request);
        }
        SearchQuery asked = cleaned(request);
        // The view is read before the search acquires a searcher: see SearchIndex.refreshes().
        return cache.get(new ResultCache.Key("search", asked, index.refreshes(), index.lexicon()),
                () -> gate == null ? searchNow(asked) : gate.call(() -> searchNow(asked)),
                results -> !results.status().rebuilding());
    }

    /** Readers' searches are cached and shed under load; editors' (their own drafts, few of them) never are. */
    private static boolean forReaders(SearchQuery request) {
        return request.audience() == SearchQuery.Audience.READERS && request.within() == null;
    }

    /** The request with its text as the engine reads it, so that spacing and what is cut off do not split the cache. */
    private SearchQuery cleaned(SearchQuery request) {
        return request.withText(QueryText.clean(request.text(), properties.maxQueryLength()));
    }

    private SearchResults searchNow(SearchQuery request) {
        QueryText text = parse(request.text());
        SearchResults results = matching(text, request);
        // Editors search their own texts for exact words: no corrections or partial matches behind their back.
        if (text.isEmpty() || request.page() != 1 || request.audience() != SearchQuery.Audience.READERS) {
            return results;
        }
        QueryText searched = text;
        SearchResults.Correction correction = correction(text, request, results.total() == 0);
        if (correction != null && correction.applied()) {
            searched = parse(correction.text());
            results = matching(searched, request);
        }
        results = results.with(text.text(), correction);
        if (results.total() < PARTIAL_BELOW) {
            results = results.withPartialHits(partial(searched, request, results.hits()));
        }
        return results;
    }

    /**
     * A text that finds something for a query that found nothing ({@code applied}), or a dictionary word a
     * query with a non-dictionary part nearly spells (offered); null when there is none.
     */
    private SearchResults.Correction correction(QueryText text, SearchQuery request, boolean foundNothing) {
        Lexicon lexicon = index.lexicon();
        if (foundNothing) {
            for (String latin : Corrections.pinyin(text.text(), lexicon, CORRECTIONS)) {
                if (hasHits(latin, request)) {
                    return new SearchResults.Correction(latin, true, true);
                }
            }
        }
        if (!foundNothing && text.parts().stream().allMatch(p -> lexicon.isWord(p.text()))) {
            return null;
        }
        // 社工占 finds 社工 with 占 (of 占比) somewhere: a lone character is rarely what a reader meant, so a
        // correction that makes it part of a dictionary word is searched instead, as for a query finding nothing.
        boolean loneCharacter = text.parts().stream().anyMatch(p -> p.text().length() == 1 && QueryText.allHan(p.text()));
        for (String typo : Corrections.typos(text.text(), lexicon, CORRECTIONS)) {
            if (hasHits(typo, request)) {
                return new SearchResults.Correction(typo, foundNothing || loneCharacter, false);
            }
        }
        return null;
    }

    /** Articles with some but not all of the parts, best coverage first; none when the query has one part. */
    private List<SearchHit> partial(QueryText text, SearchQuery request, List<SearchHit> exact) {
        Lexicon lexicon = index.lexicon();
        Set<Long> shown = new java.util.HashSet<>();
        exact.forEach(hit -> shown.add(hit.articleId()));
        IndexSearcher searcher = index.acquire();
        try {
            Query query = queries.partial(text, lexicon, request, searcher.getIndexReader());
            if (query == null) {
                return List.of();
            }
            // Bounded: the few full matches plus one page of partial ones; counting stops there too.
            int n = exact.size() + properties.pageSize();
            TopDocs top = RankedSearch.topAmongNewest(ranking(searcher), query, n, PARTIAL_SCAN, helpers);
            Highlighter highlighter = Highlighter.forQuery(text, lexicon);
            StoredFields stored = searcher.storedFields();
            List<SearchHit> hits = new ArrayList<>();
            for (ScoreDoc scoreDoc : top.scoreDocs) {
                SearchHit hit = StoredHits.read(stored, scoreDoc, highlighter);
                if (shown.add(hit.articleId()) && hits.size() < properties.pageSize()) {
                    hits.add(hit);
                }
            }
            return hits;
        } catch (IndexSearcher.TooManyClauses e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(searcher);
        }
    }

    private SearchResults matching(QueryText text, SearchQuery request) {
        IndexStatus status = status();
        if (text.isEmpty()) {
            return SearchResults.empty(text.text(), status);
        }
        Lexicon lexicon = index.lexicon();
        Query query = queries.full(text, lexicon, request);
        Query rescoring = queries.rescoring(text, clock.instant());
        int size = properties.pageSize();
        int page = Math.min(request.page(), properties.maxPages());
        IndexSearcher searcher = index.acquire();
        try {
            TopDocs top = request.page() > properties.maxPages() ? null : top(searcher, query, rescoring, request, page * size);
            if (top == null) {
                return new SearchResults(text.text(), 0, false, request.page(), 0, List.of(), status);
            }
            long total = top.totalHits.value;
            int pages = (int) Math.min(properties.maxPages(), (total + size - 1) / size);
            Highlighter highlighter = Highlighter.forQuery(text, lexicon);
            List<SearchHit> hits = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            for (int i = (page - 1) * size; i < top.scoreDocs.length; i++) {
                hits.add(StoredHits.read(stored, top.scoreDocs[i], highlighter));
            }
            return new SearchResults(text.text(), total, top.totalHits.relation == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO,
                    request.page(), pages, hits, status);
        } catch (IndexSearcher.TooManyClauses e) {
            log.info("Query too complex, answered with no results: {}", text.text());
            return SearchResults.empty(text.text(), status);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(searcher);
        }
    }

    private TopDocs top(IndexSearcher searcher, Query query, Query rescoring, SearchQuery request, int n)
            throws IOException {
        if (request.sort() == SearchQuery.Sort.NEWEST) {
            return searcher.search(query, new TopFieldCollectorManager(NEWEST, n, null, COUNT_LIMIT));
        }
        return RankedSearch.top(ranking(searcher), query, rescoring, n, COUNT_LIMIT, FULL_SCAN, helpers);
    }

    /** The same reader, scored by where words occur (ADR 0018); a searcher is cheap to create. */
    private IndexSearcher ranking(IndexSearcher searcher) {
        IndexSearcher ranking = new IndexSearcher(searcher.getIndexReader());
        ranking.setSimilarity(similarity);
        return ranking;
    }

    @Override
    public List<Suggestion> suggest(String prefix, int limit) {
        String typed = QueryText.clean(prefix, SUGGEST_MAX_LENGTH);
        if (typed.isBlank() || limit <= 0) {
            return List.of();
        }
        List<Suggestion> suggestions = new ArrayList<>();
        for (String term : index.lexicon().wordsStartingWith(typed, Math.max(1, limit / 3))) {
            suggestions.add(new Suggestion(term, "term", null));
        }
        String folded = TextNormaliser.normalise(typed);
        Query titles = folded.codePointCount(0, folded.length()) == 1
                ? new PrefixQuery(new Term(ArticleDocuments.TITLE_BIGRAMS, folded))
                : queries.bigramPhrase(ArticleDocuments.TITLE_BIGRAMS, folded);
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(titles, Occur.MUST);
        QueryBuilder.filters(SearchQuery.simple(typed)).forEach(f -> query.add(f, Occur.FILTER));
        IndexSearcher searcher = index.acquire();
        try {
            TopDocs top = searcher.search(query.build(), new TopFieldCollectorManager(NEWEST,
                    limit - suggestions.size(), null, 1));
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc scoreDoc : top.scoreDocs) {
                Document doc = stored.document(scoreDoc.doc, Set.of(ArticleDocuments.ID, ArticleDocuments.TITLE));
                suggestions.add(new Suggestion(doc.get(ArticleDocuments.TITLE), "title",
                        SiteUrls.article(Long.parseLong(doc.get(ArticleDocuments.ID)))));
            }
        } catch (IndexSearcher.TooManyClauses e) {
            log.debug("Too many prefix terms for {}", typed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(searcher);
        }
        return suggestions;
    }

    @Override
    public List<String> alternatives(String raw, int limit) {
        SearchQuery asked = SearchQuery.simple(QueryText.clean(raw, properties.maxQueryLength()));
        return cache.get(new ResultCache.Key("alternatives:" + limit, asked, index.refreshes(), index.lexicon()),
                () -> alternativesNow(asked.text(), limit), found -> true);
    }

    private List<String> alternativesNow(String raw, int limit) {
        QueryText text = parse(raw);
        if (text.isEmpty()) {
            return List.of();
        }
        Lexicon lexicon = index.lexicon();
        Set<String> candidates = new LinkedHashSet<>();
        for (QueryText.Part part : text.parts()) {
            candidates.addAll(lexicon.synonymsOf(part.text()));
        }
        candidates.addAll(lexicon.wordsSharingCharacters(text.phrase(), limit * 2));
        if (text.parts().size() > 1) {
            text.parts().forEach(p -> candidates.add(p.text()));
        }
        candidates.remove(text.text());
        List<String> found = new ArrayList<>();
        for (String candidate : candidates) {
            if (found.size() >= limit) {
                break;
            }
            if (hasHits(candidate)) {
                found.add(candidate);
            }
        }
        return found;
    }

    private boolean hasHits(String candidate) {
        return hasHits(candidate, SearchQuery.simple(candidate));
    }

    /** Whether {@code candidate} finds anything under the request's audience and filters. */
    private boolean hasHits(String candidate, SearchQuery request) {
        QueryText text = parse(candidate);
        if (text.isEmpty()) {
            return false;
        }
        Query query = queries.full(text, index.lexicon(), request);
        IndexSearcher searcher = index.acquire();
        try {
            // Existence only: unscored, and collection stops at the first match.
            return searcher.search(new ConstantScoreQuery(query), new TopScoreDocCollectorManager(1, null, 1))
                    .scoreDocs.length > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(searcher);
        }
    }

    @Override
    public RegionCounts regionCounts(SearchQuery request) {
        if (!forReaders(request)) {
            return regionCountsNow(request);
        }
        SearchQuery asked = cleaned(request).inRegion(null);
        return cache.get(new ResultCache.Key("regions", asked, index.refreshes(), index.lexicon()),
                () -> regionCountsNow(asked), counts -> true);
    }

    private RegionCounts regionCountsNow(SearchQuery request) {
        QueryText text = parse(request.text());
        if (text.isEmpty()) {
            return RegionCounts.NONE;
        }
        IndexSearcher searcher = index.acquire();
        try {
            return RegionFacets.count(searcher, queries.full(text, index.lexicon(), request.inRegion(null)));
        } catch (IndexSearcher.TooManyClauses e) {
            return RegionCounts.NONE;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(searcher);
        }
    }

    @Override
    public IndexStatus status() {
        IndexRebuilder.Progress progress = rebuilder.progress();
        return new IndexStatus(progress.running() || index.needsRebuild(), progress.done(), progress.total(),
                index.documentCount());
    }

    private QueryText parse(String raw) {
        return QueryText.parse(raw, index.wordAnalyzer(), index.lexicon(), properties.maxQueryLength(), properties.maxQueryWords());
    }
}
