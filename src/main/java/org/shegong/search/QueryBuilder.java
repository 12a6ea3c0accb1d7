package org.shegong.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.shegong.content.ArticleFilter;
import org.shegong.system.Times;

/**
 * Turns a reader's query into Lucene queries. Every part must match (in title, summary or body, as itself or
 * as a synonym); a dictionary word is a term of the word fields, an unknown part a phrase of the bigram
 * fields, and any other Chinese word either in titles and summaries (smartcn may cut 牡丹江市 differently in a
 * text than in a query) and a bigram phrase in bodies (whose word field holds dictionary words only),
 * so 社工站 needs the characters together and 社, 工, 站 scattered apart never match.
 *
 * <p>Ranking has two stages (ADR 0018). The {@link #full matching} query scores each part by the best
 * place it occurs (title, summary or body, with their weights; a synonym at a discount) and adds the parts:
 * few distinct scores, so Lucene stops as soon as enough articles reach the best one, whatever the number of
 * hits. The {@link #rescoring rescoring} query then adds, for the leading candidates only, a bonus when the
 * whole query occurs as one phrase and a mild recency bonus.
 */
final class QueryBuilder {

    private final SearchProperties weights;
    private final Analyzer bigrams;

    QueryBuilder(SearchProperties weights, Analyzer bigrams) {
        this.weights = weights;
        this.bigrams = bigrams;
    }

    /**
     * Every part of the text (as itself or a synonym) and the request's filters, in one conjunction (a nested one
     * costs a scorer call per document); matches nothing when the text has nothing to search for.
     */
    Query full(QueryText text, Lexicon lexicon, SearchQuery request) {
        if (text.isEmpty()) {
            return new MatchNoDocsQuery("empty query");
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        List<QueryText.Part> kept = new ArrayList<>();
        for (QueryText.Part part : text.parts()) {
            // 社工站 社会工作服务站 names one thing twice: each part already finds the other's texts, and requiring
            // both would only rank articles that happen to use both spellings first (and cost a second scan).
            if (kept.stream().noneMatch(k -> lexicon.synonymsOf(k.text()).contains(part.text()))) {
                kept.add(part);
                query.add(partQuery(part, lexicon), Occur.MUST);
            }
        }
        filters(request).forEach(filter -> query.add(filter, Occur.FILTER));
        return query.build();
    }

    /**
     * What the second stage adds to a candidate's score: the whole query as one phrase (title and body, when
     * there is more than one part) and recency; null when there is nothing to add.
     */
    Query rescoring(QueryText text, Instant now) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean any = false;
        if (text.parts().size() > 1 && weights.phraseBoost() > 0) {
            String phrase = text.phrase();
            query.add(boost(bigramPhrase(ArticleDocuments.TITLE_BIGRAMS, phrase), weights.phraseBoost() * weights.titleBoost()), Occur.SHOULD);
            query.add(boost(bigramPhrase(ArticleDocuments.BODY_BIGRAMS, phrase), weights.phraseBoost()), Occur.SHOULD);
            any = true;
        }
        if (weights.recencyWeight() > 0) {
            query.add(LongPoint.newDistanceFeatureQuery(ArticleDocuments.PUBLISHED, weights.recencyWeight(),
                    now.toEpochMilli(), Math.max(1, weights.recencyPivot().toMillis())), Occur.SHOULD);
            any = true;
        }
        return any ? query.build() : null;
    }

    static List<Query> filters(SearchQuery request) {
        List<Query> filters = new ArrayList<>();
        filters.add(EditorDocuments.visibleTo(request));
        if (request.columnId() != null) {
            filters.add(new TermQuery(new Term(ArticleDocuments.COLUMN, request.columnId().toString())));
        }
        if (request.within() != null) {
            filters.add(within(request.within()));
        }
        if (request.kind() != null) {
            filters.add(new TermQuery(new Term(ArticleDocuments.KIND, request.kind().name())));
        }
        if (request.from() != null || request.to() != null) {
            long from = request.from() == null ? Long.MIN_VALUE : startOfDay(request.from());
            long to = request.to() == null ? Long.MAX_VALUE : startOfDay(request.to().plusDays(1)) - 1;
            filters.add(LongPoint.newRangeQuery(ArticleDocuments.PUBLISHED, from, to));
        }
        return filters;
    }

    /** Filed in one of the columns, or one of the listed articles; nothing when both lists are empty. */
    private static Query within(ArticleFilter.Within scope) {
        if (scope.columns().isEmpty() && scope.articleIds().isEmpty()) {
            return new MatchNoDocsQuery("sees no articles");
        }
        BooleanQuery.Builder either = new BooleanQuery.Builder();
        if (!scope.columns().isEmpty()) {
            either.add(new TermInSetQuery(ArticleDocuments.COLUMN,
                    scope.columns().stream().map(c -> new BytesRef(c.toString())).toList()), Occur.SHOULD);
        }
        if (!scope.articleIds().isEmpty()) {
            either.add(new TermInSetQuery(ArticleDocuments.ID,
                    scope.articleIds().stream().map(id -> new BytesRef(id.toString())).toList()), Occur.SHOULD);
        }
        return either.setMinimumNumberShouldMatch(1).build();
    }

    private static long startOfDay(LocalDate day) {
        return day.atStartOfDay(Times.CHINA).toInstant().toEpochMilli();
    }

    /** A part scores the best place it (or a synonym) occurs: its best field, not the sum of them all. */
    private Query partQuery(QueryText.Part part, Lexicon lexicon) {
        List<Query> any = new ArrayList<>();
        addForms(any, part.text(), part.unknown(), 1f, lexicon);
        for (String synonym : lexicon.synonymsOf(part.text())) {
            addForms(any, synonym, false, weights.synonymWeight(), lexicon);
        }
        return new DisjunctionMaxQuery(any, 0f);
    }

    private void addForms(List<Query> any, String text, boolean unknown, float weight, Lexicon lexicon) {
        boolean dictionaryWord = lexicon.isWord(text);
        // The common cases: one posting list whose frequencies say where the word occurs (WordPlaces).
        if (dictionaryWord && !unknown) {
            any.add(boost(new TermQuery(new Term(ArticleDocuments.PLACE_WORDS, text)), weight));
            return;
        }
        if (text.length() == 2 && WordPlaces.isHan(text.charAt(0)) && WordPlaces.isHan(text.charAt(1))) {
            any.add(boost(new TermQuery(new Term(ArticleDocuments.PLACE_BIGRAMS, text)), weight));
            return;
        }
        boolean bigrams = unknown || !dictionaryWord && text.length() > 1 && QueryText.allHan(text);
        if (bigrams) {
            any.add(boost(bigramPhrase(ArticleDocuments.TITLE_BIGRAMS, text), weight * weights.titleBoost()));
            any.add(boost(bigramPhrase(ArticleDocuments.SUMMARY_BIGRAMS, text), weight * weights.summaryBoost()));
        }
        if (!unknown) {
            any.add(boost(new TermQuery(new Term(ArticleDocuments.TITLE, text)), weight * weights.titleBoost()));
            any.add(boost(new TermQuery(new Term(ArticleDocuments.SUMMARY, text)), weight * weights.summaryBoost()));
        }
        // Bodies carry only dictionary words (see SearchAnalyzers.dictionaryWords); anything else is a phrase.
        any.add(boost(dictionaryWord ? new TermQuery(new Term(ArticleDocuments.BODY, text))
                : bigramPhrase(ArticleDocuments.BODY_BIGRAMS, text), weight * weights.bodyBoost()));
    }

    /** The text as a phrase of the bigram analysis (社工站 → "社工 工站"); a lone term when it is one bigram. */
    Query bigramPhrase(String field, String text) {
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        List<Term> terms = new ArrayList<>();
        try (TokenStream stream = bigrams.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                Term t = new Term(field, term.toString());
                terms.add(t);
                phrase.add(t, position);
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (terms.isEmpty()) {
            return new MatchNoDocsQuery("nothing to match");
        }
        return terms.size() == 1 ? new TermQuery(terms.get(0)) : phrase.build();
    }

    private static Query boost(Query query, float boost) {
        return boost == 1f ? query : new BoostQuery(query, boost);
    }
}
