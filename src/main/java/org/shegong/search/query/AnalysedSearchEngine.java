package org.shegong.search.query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.shegong.content.BodyHtml;
import org.shegong.content.Kind;
import org.shegong.search.IndexStatus;
import org.shegong.search.SearchEngine;
import org.shegong.search.SearchHit;
import org.shegong.search.SearchProperties;
import org.shegong.search.SearchQuery;
import org.shegong.search.SearchResults;
import org.shegong.search.analysis.Lexicon;
import org.shegong.search.analysis.TextNormaliser;
import org.shegong.search.index.ArticleDocuments;
import org.shegong.search.index.IndexRebuilder;
import org.shegong.search.index.IndexStore;
import org.shegong.system.Han;
import org.shegong.system.web.SiteUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the site's search does whichever index answers (ADR 0057): the query is parsed by the index's analysis
 * and turned into the same Lucene queries ({@link QueryBuilder}); corrections, partial matches, alternatives,
 * suggestions and highlights are decided here. A backend only runs those queries: the embedded Lucene index
 * ({@link LuceneSearchEngine}) or an OpenSearch index ({@link OpenSearchEngine}).
 */
abstract class AnalysedSearchEngine implements SearchEngine {

    /** Counting stops here (the page says "1000+"); 50 pages of 20 need no more. */
    static final int COUNT_LIMIT = 1_000;
    private static final int SUGGEST_MAX_LENGTH = 30;
    /** Fewer full matches than this on the first page, and partial matches follow ("a handful"). */
    static final int PARTIAL_BELOW = 5;
    /** Corrections tried (each an existence check) before giving up. */
    private static final int CORRECTIONS = 5;
    private static final Logger log = LoggerFactory.getLogger(AnalysedSearchEngine.class);

    protected final SearchProperties properties;
    protected final QueryBuilder queries;
    protected final Clock clock;
    private final IndexStore store;
    private final IndexRebuilder rebuilder;

    AnalysedSearchEngine(IndexStore store, IndexRebuilder rebuilder, SearchProperties properties, Clock clock,
                         QueryBuilder queries) {
        this.store = store;
        this.rebuilder = rebuilder;
        this.properties = properties;
        this.clock = clock;
        this.queries = queries;
    }

    /** An indexed article as a result needs it. */
    record Stored(long id, String title, String summary, String body, long primaryColumn, Kind kind,
                  long publishedMillis, float score) {
    }

    /** One page of results and how many there are (a lower bound when counting stopped). */
    record Top(List<Stored> page, long total, boolean lowerBound) {
    }

    /** The query cannot be run (too many clauses): answered with no results. */
    static final class TooComplex extends RuntimeException {

        TooComplex(Throwable cause) {
            super("query too complex", cause, false, false);
        }
    }

    /** Document counts for {@link QueryBuilder#partial}. */
    interface Frequencies {

        long documents();

        long of(Term term);

        static Frequencies of(long documents, java.util.Map<Term, Long> counts) {
            return new Frequencies() {
                @Override
                public long documents() {
                    return documents;
                }

                @Override
                public long of(Term term) {
                    return counts.getOrDefault(term, 0L);
                }
            };
        }
    }

    Lexicon lexicon() {
        return store.lexicon();
    }

    /** The analysis queries are parsed with: the one the index was written with. */
    abstract Analyzer wordAnalyzer();

    /**
     * The request's page of the query's matches: by relevance (the place score, then the whole-phrase and recency
     * bonuses of {@code text} on the leading candidates, ties to the newest) or newest first.
     */
    abstract Top top(Query query, QueryText text, SearchQuery request, int page, int size);

    /** The best {@code n} of a partial-match query, ties to the newest. */
    abstract List<Stored> partialTop(Query query, int n);

    /** How many documents hold each of these terms (and how many there are). */
    abstract Frequencies frequencies(Collection<Term> terms);

    /** Whether the query matches anything. */
    abstract boolean exists(Query query);

    /** The newest {@code n} matches, unscored. */
    abstract List<Stored> newest(Query query, int n);

    /** Matches per province (see {@link SearchEngine#regionCounts}). */
    abstract RegionCounts facets(Query query);

    /**
     * The articles containing every part of the query. For readers, on the first page, and only then: when there are none,
     * a correction of a typo or of pinyin that finds some is searched instead (and said so); a correction of a
     * query that did find something is offered as a link; and when fewer than {@link #PARTIAL_BELOW} articles
     * contain every part, articles containing some of them follow, apart.
     */
    @Override
    public SearchResults search(SearchQuery request) {
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
        Lexicon lexicon = lexicon();
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
        boolean loneCharacter = text.parts().stream().anyMatch(p -> p.text().length() == 1 && Han.all(p.text()));
        for (String typo : Corrections.typos(text.text(), lexicon, CORRECTIONS)) {
            if (hasHits(typo, request)) {
                return new SearchResults.Correction(typo, foundNothing || loneCharacter, false);
            }
        }
        return null;
    }

    /** Articles with some but not all of the parts, best coverage first; none when the query has one part. */
    private List<SearchHit> partial(QueryText text, SearchQuery request, List<SearchHit> exact) {
        Lexicon lexicon = lexicon();
        Set<Long> shown = new HashSet<>();
        exact.forEach(hit -> shown.add(hit.articleId()));
        try {
            Query query = queries.partial(text, lexicon, request,
                    () -> frequencies(queries.frequencyTerms(text, lexicon)));
            if (query == null) {
                return List.of();
            }
            // Bounded: the few full matches plus one page of partial ones.
            Highlighter highlighter = Highlighter.forQuery(text, lexicon);
            List<SearchHit> hits = new ArrayList<>();
            for (Stored doc : partialTop(query, exact.size() + properties.pageSize())) {
                if (shown.add(doc.id()) && hits.size() < properties.pageSize()) {
                    hits.add(hit(doc, highlighter));
                }
            }
            return hits;
        } catch (TooComplex e) {
            return List.of();
        }
    }

    private SearchResults matching(QueryText text, SearchQuery request) {
        IndexStatus status = status();
        if (text.isEmpty()) {
            return SearchResults.empty(text.text(), status);
        }
        if (request.page() > properties.maxPages()) {
            return new SearchResults(text.text(), 0, false, request.page(), 0, List.of(), status);
        }
        Lexicon lexicon = lexicon();
        int size = properties.pageSize();
        try {
            Top top = top(queries.full(text, lexicon, request), text, request, request.page(), size);
            int pages = (int) Math.min(properties.maxPages(), (top.total() + size - 1) / size);
            Highlighter highlighter = Highlighter.forQuery(text, lexicon);
            List<SearchHit> hits = new ArrayList<>();
            for (Stored doc : top.page()) {
                hits.add(hit(doc, highlighter));
            }
            return new SearchResults(text.text(), top.total(), top.lowerBound(), request.page(), pages, hits, status);
        } catch (TooComplex e) {
            log.info("Query too complex, answered with no results: {}", text.text());
            return SearchResults.empty(text.text(), status);
        }
    }

    private SearchHit hit(Stored doc, Highlighter highlighter) {
        String summary = doc.summary();
        String snippet = highlighter.snippet(doc.body());
        if (snippet == null) {
            snippet = highlighter.snippet(summary);
        }
        if (snippet == null) {
            snippet = BodyHtml.escape(summary == null ? "" : cut(summary, Highlighter.SNIPPET_LENGTH));
        }
        return new SearchHit(doc.id(), highlighter.highlight(doc.title()), snippet, doc.primaryColumn(), doc.kind(),
                Instant.ofEpochMilli(doc.publishedMillis()), doc.score());
    }

    @Override
    public List<Suggestion> suggest(String prefix, int limit) {
        String typed = QueryText.clean(prefix, SUGGEST_MAX_LENGTH);
        if (typed.isBlank() || limit <= 0) {
            return List.of();
        }
        List<Suggestion> suggestions = new ArrayList<>();
        for (String term : lexicon().wordsStartingWith(typed, Math.max(1, limit / 3))) {
            suggestions.add(new Suggestion(term, "term", null));
        }
        String folded = TextNormaliser.normalise(typed);
        Query titles = folded.codePointCount(0, folded.length()) == 1
                ? new PrefixQuery(new Term(ArticleDocuments.TITLE_BIGRAMS, folded))
                : queries.bigramPhrase(ArticleDocuments.TITLE_BIGRAMS, folded);
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(titles, Occur.MUST);
        QueryBuilder.filters(SearchQuery.simple(typed)).forEach(f -> query.add(f, Occur.FILTER));
        try {
            for (Stored doc : newest(query.build(), limit - suggestions.size())) {
                suggestions.add(new Suggestion(doc.title(), "title", SiteUrls.article(doc.id())));
            }
        } catch (TooComplex e) {
            log.debug("Too many prefix terms for {}", typed);
        }
        return suggestions;
    }

    @Override
    public List<String> alternatives(String raw, int limit) {
        QueryText text = parse(raw);
        if (text.isEmpty()) {
            return List.of();
        }
        Lexicon lexicon = lexicon();
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
            if (hasHits(candidate, SearchQuery.simple(candidate))) {
                found.add(candidate);
            }
        }
        return found;
    }

    /** Whether {@code candidate} finds anything under the request's audience and filters. */
    private boolean hasHits(String candidate, SearchQuery request) {
        QueryText text = parse(candidate);
        return !text.isEmpty() && exists(queries.full(text, lexicon(), request));
    }

    @Override
    public RegionCounts regionCounts(SearchQuery request) {
        QueryText text = parse(request.text());
        if (text.isEmpty()) {
            return RegionCounts.NONE;
        }
        try {
            return facets(queries.full(text, lexicon(), request.inRegion(null)));
        } catch (TooComplex e) {
            return RegionCounts.NONE;
        }
    }

    @Override
    public IndexStatus status() {
        IndexRebuilder.Progress progress = rebuilder.progress();
        return new IndexStatus(progress.running() || store.needsRebuild(), progress.done(), progress.total(),
                store.documentCount());
    }

    private QueryText parse(String raw) {
        return QueryText.parse(raw, wordAnalyzer(), lexicon(), properties.maxQueryLength(), properties.maxQueryWords());
    }

    private static String cut(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int end = Character.isLowSurrogate(text.charAt(length)) ? length - 1 : length;
        return text.substring(0, end) + "…";
    }
}
