package org.shegong.search.query;

import org.shegong.search.SearchProperties;
import org.shegong.search.analysis.WordPlaces;
import org.shegong.search.index.ArticleDocuments;

import org.apache.lucene.index.FieldInvertState;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BooleanSimilarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;

/**
 * Scores by where a word occurs, not by term statistics (ADR 0018): in the {@link WordPlaces} fields a match
 * scores the configured weight of its place (title, summary or body) times the query's boost; everywhere else
 * a match scores its boost. Scores therefore take few distinct values, which lets Lucene stop early.
 */
final class PlaceSimilarity extends PerFieldSimilarityWrapper {

    private final Similarity boolean_ = new BooleanSimilarity();
    private final Similarity places;

    PlaceSimilarity(SearchProperties weights) {
        float[] byPlace = new float[WordPlaces.TITLE + 1];
        byPlace[WordPlaces.BODY] = weights.bodyBoost();
        byPlace[WordPlaces.SUMMARY] = weights.summaryBoost();
        byPlace[WordPlaces.TITLE] = weights.titleBoost();
        this.places = new Similarity() {
            @Override
            public long computeNorm(FieldInvertState state) {
                return 1;
            }

            @Override
            public SimScorer scorer(float boost, CollectionStatistics collection, TermStatistics... terms) {
                return new SimScorer() {
                    @Override
                    public float score(float freq, long norm) {
                        return boost * byPlace[(int) Math.min(Math.max(freq, 1), WordPlaces.TITLE)];
                    }
                };
            }
        };
    }

    @Override
    public Similarity get(String field) {
        return field.equals(ArticleDocuments.PLACE_WORDS) || field.equals(ArticleDocuments.PLACE_BIGRAMS)
                ? places : boolean_;
    }
}
