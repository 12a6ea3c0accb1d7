package org.shegong.search;

import org.shegong.system.web.SiteUrls;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
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
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.shegong.content.BodyHtml;
import org.shegong.content.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/** {@link SearchEngine} on the embedded Lucene index. */
@Service
class LuceneSearchEngine implements SearchEngine {

    /**
     * Counting stops here (the page says "1000+"): beyond it Lucene may skip non-competitive documents, which
     * is what keeps common words fast at a million articles. 50 pages of 20 need no more.
     */
    static final int COUNT_LIMIT = 1_000;
    private static final int SUGGEST_MAX_LENGTH = 30;
    /** The index's own order (see {@link SearchIndex}), so Lucene stops in each segment after n hits. */
    private static final Sort NEWEST = SearchIndex.NEWEST_FIRST;
    private static final Logger log = LoggerFactory.getLogger(LuceneSearchEngine.class);

    private final SearchIndex index;
    private final IndexRebuilder rebuilder;
    private final SearchProperties properties;
    private final QueryBuilder queries;
    private final Clock clock;
    private final PlaceSimilarity similarity;
    /** Search segment groups beside the request's thread (RankedSearch); daemon threads, idle when unused. */
    private final ExecutorService helpers = Executors.newFixedThreadPool(
            Math.max(1, RankedSearch.PARALLELISM - 1), runnable -> {
                Thread thread = new Thread(runnable, "search-helper");
                thread.setDaemon(true);
                return thread;
            });

    LuceneSearchEngine(@Lazy SearchIndex index, @Lazy IndexRebuilder rebuilder, SearchProperties properties,
                       Clock clock) {
        this.index = index;
        this.rebuilder = rebuilder;
        this.properties = properties;
        this.queries = new QueryBuilder(properties, SearchAnalyzers.bigrams());
        this.clock = clock;
        this.similarity = new PlaceSimilarity(properties);
    }

    @PreDestroy
    void stopHelpers() {
        helpers.shutdownNow();
    }

    @Override
    public SearchResults search(SearchQuery request) {
        QueryText text = parse(request.text());
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
                hits.add(hit(stored, top.scoreDocs[i], highlighter));
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
        return RankedSearch.top(ranking(searcher), query, rescoring, n, COUNT_LIMIT, helpers);
    }

    /** The same reader, scored by where words occur (ADR 0018); a searcher is cheap to create. */
    private IndexSearcher ranking(IndexSearcher searcher) {
        IndexSearcher ranking = new IndexSearcher(searcher.getIndexReader());
        ranking.setSimilarity(similarity);
        return ranking;
    }

    private SearchHit hit(StoredFields stored, ScoreDoc scoreDoc, Highlighter highlighter) throws IOException {
        Document doc = stored.document(scoreDoc.doc, SearchIndex.storedFields());
        String title = doc.get(ArticleDocuments.TITLE);
        String summary = doc.get(ArticleDocuments.SUMMARY);
        String snippet = highlighter.snippet(doc.get(ArticleDocuments.BODY));
        if (snippet == null) {
            snippet = highlighter.snippet(summary);
        }
        if (snippet == null) {
            snippet = BodyHtml.escape(summary == null ? "" : cut(summary, Highlighter.SNIPPET_LENGTH));
        }
        return new SearchHit(Long.parseLong(doc.get(ArticleDocuments.ID)), highlighter.highlight(title), snippet,
                doc.getField(ArticleDocuments.PRIMARY_COLUMN).numericValue().longValue(),
                Kind.valueOf(doc.get(ArticleDocuments.KIND)),
                Instant.ofEpochMilli(doc.getField(ArticleDocuments.PUBLISHED).numericValue().longValue()),
                scoreDoc.score);
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
        QueryText text = parse(candidate);
        if (text.isEmpty()) {
            return false;
        }
        Query query = queries.full(text, index.lexicon(), SearchQuery.simple(candidate));
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
    public IndexStatus status() {
        IndexRebuilder.Progress progress = rebuilder.progress();
        return new IndexStatus(progress.running() || index.needsRebuild(), progress.done(), progress.total(),
                index.documentCount());
    }

    private QueryText parse(String raw) {
        return QueryText.parse(raw, index.wordAnalyzer(), index.lexicon(), properties.maxQueryLength(), properties.maxQueryWords());
    }

    private static String cut(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int end = Character.isLowSurrogate(text.charAt(length)) ? length - 1 : length;
        return text.substring(0, end) + "…";
    }
}
