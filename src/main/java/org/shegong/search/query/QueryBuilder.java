package org.shegong.search.query;

import org.shegong.search.SearchProperties;
import org.shegong.search.SearchQuery;
import org.shegong.search.analysis.Lexicon;
import org.shegong.search.analysis.SearchAnalyzers;
import org.shegong.search.index.ArticleDocuments;
import org.shegong.search.index.EditorDocuments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.shegong.content.ArticleFilter;
import org.shegong.system.Han;
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
    private final RegionWords regionWords;

    QueryBuilder(SearchProperties weights, Analyzer bigrams, RegionWords regionWords) {
        this.weights = weights;
        this.bigrams = bigrams;
        this.regionWords = regionWords;
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
        for (QueryText.Part part : distinctParts(text, lexicon)) {
            query.add(partQuery(part, lexicon), Occur.MUST);
        }
        filters(request).forEach(filter -> query.add(filter, Occur.FILTER));
        return query.build();
    }

    /**
     * Articles that contain some of the parts, for when too few contain them all. An article scores, for every
     * part it contains, a coverage step weighted by how rare the part is (援藏援疆 counts for more than 开展),
     * plus the part's place weight as in {@link #full}: covering more of the query's important words ranks
     * first, and among equal coverage the better places. It finds the full matches too (the caller drops
     * them). Null when the query has a single part (its partial match is the full one).
     */
    Query partial(QueryText text, Lexicon lexicon, SearchQuery request,
                  Supplier<AnalysedSearchEngine.Frequencies> counted) {
        List<QueryText.Part> parts = distinctParts(text, lexicon);
        if (parts.size() < 2) {
            return null;
        }
        AnalysedSearchEngine.Frequencies frequencies = counted.get(); // only now: counting ties the answer to the index
        float step = coverageStep(parts.size());
        double[] rarity = new double[parts.size()];
        double rarest = 0;
        for (int i = 0; i < parts.size(); i++) {
            rarity[i] = Math.log(1 + (frequencies.documents() + 1.0)
                    / (documentFrequency(parts.get(i), lexicon, frequencies) + 1.0));
            rarest = Math.max(rarest, rarity[i]);
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (int i = 0; i < parts.size(); i++) {
            Query place = partQuery(parts.get(i), lexicon);
            float weight = (float) (step * rarity[i] / rarest);
            any.add(new BooleanQuery.Builder()
                    .add(new BoostQuery(new ConstantScoreQuery(place), weight), Occur.MUST)
                    .add(place, Occur.SHOULD).build(), Occur.SHOULD);
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(any.build(), Occur.MUST);
        filters(request).forEach(filter -> query.add(filter, Occur.FILTER));
        return query.build();
    }

    /** About how many articles contain the part: its place posting list, or its rarest bigram's. */
    private static long documentFrequency(QueryText.Part part, Lexicon lexicon,
                                          AnalysedSearchEngine.Frequencies frequencies) {
        long rarest = Long.MAX_VALUE;
        for (Term term : frequencyTerms(part, lexicon)) {
            rarest = Math.min(rarest, frequencies.of(term));
        }
        return rarest;
    }

    /** The terms whose document counts {@link #partial} needs for this text (none for a single part). */
    List<Term> frequencyTerms(QueryText text, Lexicon lexicon) {
        List<QueryText.Part> parts = distinctParts(text, lexicon);
        List<Term> terms = new ArrayList<>();
        if (parts.size() > 1) {
            parts.forEach(part -> terms.addAll(frequencyTerms(part, lexicon)));
        }
        return terms;
    }

    /** The part's place term, its title term, or its bigrams (the rarest counts). */
    private static List<Term> frequencyTerms(QueryText.Part part, Lexicon lexicon) {
        String text = part.text();
        if (lexicon.isWord(text) && !part.unknown()) {
            return List.of(new Term(ArticleDocuments.PLACE_WORDS, text));
        }
        if (text.length() < 2 || !Han.all(text)) {
            return List.of(new Term(ArticleDocuments.TITLE, text));
        }
        List<Term> bigrams = new ArrayList<>();
        for (int i = 0; i + 2 <= text.length(); i++) {
            bigrams.add(new Term(ArticleDocuments.PLACE_BIGRAMS, text.substring(i, i + 2)));
        }
        return bigrams;
    }

    /** More than the place weights of all parts together, so one more part always outweighs better places. */
    private float coverageStep(int parts) {
        return weights.titleBoost() * parts + 1f;
    }

    /**
     * The parts that must match. 社工站 社会工作服务站 names one thing twice: each part already finds the other's texts,
     * and requiring both would only rank articles that happen to use both spellings first (and cost a second scan).
     */
    private static List<QueryText.Part> distinctParts(QueryText text, Lexicon lexicon) {
        List<QueryText.Part> kept = new ArrayList<>();
        for (QueryText.Part part : text.parts()) {
            if (kept.stream().noneMatch(k -> lexicon.synonymsOf(k.text()).contains(part.text()))) {
                kept.add(part);
            }
        }
        return kept;
    }

    /**
     * What the second stage adds to a candidate's score: the whole query as one phrase (title and body, when
     * there is more than one part) and recency; null when there is nothing to add.
     */
    Query rescoring(QueryText text, Instant now) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean any = false;
        Query phrase = phraseBonus(text);
        if (phrase != null) {
            query.add(phrase, Occur.SHOULD);
            any = true;
        }
        if (weights.recencyWeight() > 0) {
            query.add(LongPoint.newDistanceFeatureQuery(ArticleDocuments.PUBLISHED, weights.recencyWeight(),
                    now.toEpochMilli(), Math.max(1, weights.recencyPivot().toMillis())), Occur.SHOULD);
            any = true;
        }
        return any ? query.build() : null;
    }

    /** The whole query as one phrase in titles and bodies, or null for a query of one part. */
    Query phraseBonus(QueryText text) {
        if (text.parts().size() < 2 || weights.phraseBoost() <= 0) {
            return null;
        }
        String phrase = text.phrase();
        return new BooleanQuery.Builder()
                .add(boost(bigramPhrase(ArticleDocuments.TITLE_BIGRAMS, phrase), weights.phraseBoost() * weights.titleBoost()), Occur.SHOULD)
                .add(boost(bigramPhrase(ArticleDocuments.BODY_BIGRAMS, phrase), weights.phraseBoost()), Occur.SHOULD)
                .build();
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
        if (request.region() != null) {
            filters.add(new TermQuery(new Term(ArticleDocuments.REGION, request.region())));
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
        // A place's name also finds what is tagged with it or a place under it (辽宁 → 沈阳浑南区), scored like a
        // mention in the summary: the tag says the article is about the place. One term query per code, side by
        // side with the word's own (ADR 0053): a term set would be rewritten per segment and scored by another
        // layer of disjunction; these score their boost (PlaceSimilarity) with exact block maxima.
        for (String code : regionWords.codesNamed(part.text())) {
            any.add(boost(new TermQuery(new Term(ArticleDocuments.REGION, code)), weights.summaryBoost()));
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
        if (text.length() == 2 && Han.is(text.charAt(0)) && Han.is(text.charAt(1))) {
            any.add(boost(new TermQuery(new Term(ArticleDocuments.PLACE_BIGRAMS, text)), weight));
            return;
        }
        boolean bigrams = unknown || !dictionaryWord && text.length() > 1 && Han.all(text);
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
