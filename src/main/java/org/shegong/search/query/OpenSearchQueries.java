package org.shegong.search.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.PrefixCodedTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.shegong.search.SearchProperties;
import org.shegong.search.analysis.WordPlaces;
import org.shegong.search.index.ArticleDocuments;
import org.shegong.search.index.OpenSearchDocuments;

/**
 * The OpenSearch query DSL for the queries {@link QueryBuilder} builds, one for one (ADR 0057), so both backends
 * match and score alike. The Lucene index scores every term and phrase by its boost alone ({@link PlaceSimilarity}:
 * boolean similarity, and the place weight for the place fields); here every term and phrase is a
 * {@code constant_score} with that boost, and a place-field term a {@code dis_max} over the three keyword fields
 * that hold a word by its best place, each with its place weight. Sums and maxima are those of Lucene's
 * {@code BooleanQuery} and {@code DisjunctionMaxQuery}, so scores are the same numbers.
 */
final class OpenSearchQueries {

    private final float[] placeWeights = new float[WordPlaces.TITLE + 1];

    OpenSearchQueries(SearchProperties weights) {
        placeWeights[WordPlaces.BODY] = weights.bodyBoost();
        placeWeights[WordPlaces.SUMMARY] = weights.summaryBoost();
        placeWeights[WordPlaces.TITLE] = weights.titleBoost();
    }

    Map<String, Object> of(Query query) {
        return of(query, 1f);
    }

    /** A document frequency: documents holding the term in any of its places. */
    Map<String, Object> holding(Term term) {
        if (isPlaceField(term.field())) {
            List<Object> any = new ArrayList<>();
            for (int place = WordPlaces.BODY; place <= WordPlaces.TITLE; place++) {
                any.add(term(OpenSearchDocuments.placeField(term.field(), place), term.text()));
            }
            return Map.of("bool", Map.of("should", any));
        }
        return term(term.field(), term.text());
    }

    private Map<String, Object> of(Query query, float boost) {
        if (query instanceof BoostQuery boosted) {
            return of(boosted.getQuery(), boost * boosted.getBoost());
        }
        if (query instanceof TermQuery term) {
            return termScore(term.getTerm(), boost);
        }
        if (query instanceof PhraseQuery phrase) {
            return constant(phrase(phrase), boost);
        }
        if (query instanceof ConstantScoreQuery constant) {
            return constant(of(constant.getQuery()), boost);
        }
        if (query instanceof DisjunctionMaxQuery max) {
            List<Object> queries = new ArrayList<>();
            max.getDisjuncts().forEach(q -> queries.add(of(q, boost)));
            return Map.of("dis_max", Map.of("queries", queries, "tie_breaker", max.getTieBreakerMultiplier()));
        }
        if (query instanceof BooleanQuery bool) {
            return bool(bool, boost);
        }
        if (query instanceof MatchNoDocsQuery) {
            return Map.of("match_none", Map.of());
        }
        if (query instanceof TermInSetQuery terms) {
            return constant(terms(terms), boost);
        }
        if (query instanceof PrefixQuery prefix) {
            return constant(Map.of("prefix", Map.of(prefix.getField(), OpenSearchDocuments.token(prefix.getPrefix().text()))), boost);
        }
        if (query instanceof PointRangeQuery range && range.getNumDims() == 1) {
            return constant(range(range), boost);
        }
        throw new IllegalArgumentException("no OpenSearch form for " + query.getClass().getSimpleName() + ": " + query);
    }

    /** Lucene's boolean query: sums of its scoring clauses; FILTER and MUST_NOT do not score. */
    private Map<String, Object> bool(BooleanQuery bool, float boost) {
        Map<String, List<Object>> clauses = new LinkedHashMap<>();
        for (BooleanClause clause : bool.clauses()) {
            String occur = switch (clause.getOccur()) {
                case MUST -> "must";
                case SHOULD -> "should";
                case FILTER -> "filter";
                case MUST_NOT -> "must_not";
            };
            Map<String, Object> translated = clause.isScoring() ? of(clause.getQuery(), boost) : of(clause.getQuery());
            clauses.computeIfAbsent(occur, o -> new ArrayList<>()).add(translated);
        }
        Map<String, Object> body = new LinkedHashMap<>(clauses);
        // Otherwise as in Lucene: SHOULD clauses are optional beside MUST or FILTER, and one is needed without.
        if (bool.getMinimumNumberShouldMatch() > 0) {
            body.put("minimum_should_match", bool.getMinimumNumberShouldMatch());
        }
        return Map.of("bool", body);
    }

    /** A term scores its boost; in a place field, times the weight of the place where the document has it. */
    private Map<String, Object> termScore(Term term, float boost) {
        if (!isPlaceField(term.field())) {
            return constant(term(term.field(), term.text()), boost);
        }
        List<Object> places = new ArrayList<>();
        for (int place = WordPlaces.TITLE; place >= WordPlaces.BODY; place--) {
            places.add(constant(term(OpenSearchDocuments.placeField(term.field(), place), term.text()),
                    boost * placeWeights[place]));
        }
        return Map.of("dis_max", Map.of("queries", places, "tie_breaker", 0));
    }

    private static boolean isPlaceField(String field) {
        return field.equals(ArticleDocuments.PLACE_WORDS) || field.equals(ArticleDocuments.PLACE_BIGRAMS);
    }

    private static Map<String, Object> term(String field, String text) {
        return Map.of("term", Map.of(field, OpenSearchDocuments.token(text)));
    }

    private static Map<String, Object> constant(Map<String, Object> filter, float boost) {
        return Map.of("constant_score", Map.of("filter", filter, "boost", boost));
    }

    /** The terms at their positions; a skipped position is the placeholder the documents hold there. */
    private static Map<String, Object> phrase(PhraseQuery phrase) {
        Term[] terms = phrase.getTerms();
        int[] positions = phrase.getPositions();
        StringBuilder text = new StringBuilder();
        int next = positions.length == 0 ? 0 : positions[0];
        for (int i = 0; i < terms.length; i++) {
            for (; next < positions[i]; next++) {
                text.append(OpenSearchDocuments.GAP).append(' ');
            }
            text.append(OpenSearchDocuments.token(terms[i].text())).append(' ');
            next = positions[i] + 1;
        }
        return Map.of("match_phrase", Map.of(phrase.getField(), Map.of("query", text.toString().trim(),
                "analyzer", "whitespace", "slop", phrase.getSlop())));
    }

    private static Map<String, Object> terms(TermInSetQuery query) {
        List<String> values = new ArrayList<>();
        PrefixCodedTerms.TermIterator iterator = query.getTermData().iterator();
        for (BytesRef term = iterator.next(); term != null; term = iterator.next()) {
            values.add(term.utf8ToString());
        }
        return Map.of("terms", Map.of(query.getField(), values));
    }

    private static Map<String, Object> range(PointRangeQuery range) {
        long from = LongPoint.decodeDimension(range.getLowerPoint(), 0);
        long to = LongPoint.decodeDimension(range.getUpperPoint(), 0);
        Map<String, Object> bounds = new LinkedHashMap<>();
        if (from != Long.MIN_VALUE) {
            bounds.put("gte", from);
        }
        if (to != Long.MAX_VALUE) {
            bounds.put("lte", to);
        }
        return Map.of("range", Map.of(range.getField(), bounds));
    }
}
